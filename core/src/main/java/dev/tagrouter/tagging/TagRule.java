package dev.tagrouter.tagging;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How the rule tagger finds one canonical tag: its aliases and the relations to other tags.
 *
 * <p>The sets keep the vocabulary file's order: implied tags are added, and a combination's evidence is quoted, in
 * that order, so a tag's result does not change with the JVM's per-run hash salt of {@code Set.copyOf}.
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
        implies = ordered(implies);
        context = ordered(context);
        unless = ordered(unless);
        when = when.stream().map(TagRule::ordered).toList();
    }

    private static Set<String> ordered(Set<String> values) {
        return Collections.unmodifiableSet(new LinkedHashSet<>(values));
    }
}
