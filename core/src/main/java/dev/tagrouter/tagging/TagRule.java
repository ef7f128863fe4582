package dev.tagrouter.tagging;

import java.util.List;
import java.util.Set;

/**
 * How the rule tagger finds one canonical tag: its aliases and the relations to other tags.
 *
 * @param name          canonical tag name
 * @param category      what the tag describes
 * @param strongAliases aliases that produce the tag on their own
 * @param weakAliases   aliases that count only when a tag of {@code context} is found
 * @param implies       tags added whenever this tag is found
 * @param context       tags that enable the weak aliases
 * @param unless        tags whose presence removes this tag
 * @param when          combinations of tags that together produce this tag
 * @param textMatch     false when the tag comes from a detector and its aliases must not match text
 */
record TagRule(String name, TagCategory category, List<String> strongAliases, List<String> weakAliases,
               Set<String> implies, Set<String> context, Set<String> unless, List<Set<String>> when,
               boolean textMatch) {

    TagRule {
        strongAliases = List.copyOf(strongAliases);
        weakAliases = List.copyOf(weakAliases);
        implies = Set.copyOf(implies);
        context = Set.copyOf(context);
        unless = Set.copyOf(unless);
        when = when.stream().map(Set::copyOf).toList();
    }
}
