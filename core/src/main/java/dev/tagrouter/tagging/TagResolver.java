package dev.tagrouter.tagging;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns raw hits into the final tag set using the vocabulary's relations.
 *
 * <p>Order of steps, chosen so that the result does not depend on the order of the hits:
 * strong hits and their implications; weak hits whose context was found by the first step;
 * combinations ({@code when=}) repeated until nothing changes; then {@code unless=} removals.
 * Each tag keeps its earliest evidence. Immutable and thread-safe.
 */
final class TagResolver {

    private final TagVocabulary vocabulary;
    private final List<TagRule> combinationRules;
    private final List<TagRule> exclusionRules;

    TagResolver(TagVocabulary vocabulary) {
        this.vocabulary = vocabulary;
        this.combinationRules = vocabulary.rules().stream().filter(r -> !r.when().isEmpty()).toList();
        this.exclusionRules = vocabulary.rules().stream().filter(r -> !r.unless().isEmpty()).toList();
    }

    /** The resolved hits, one per tag, sorted by position (ties keep evidence order). */
    List<Hit> resolve(List<Hit> hits) {
        Map<String, Hit> found = new LinkedHashMap<>();
        for (Hit hit : hits) {
            if (!hit.weak()) {
                add(found, hit);
            }
        }
        Set<String> context = Set.copyOf(found.keySet());
        for (Hit hit : hits) {
            if (hit.weak() && vocabulary.rule(hit.tag()).context().stream().anyMatch(context::contains)) {
                add(found, hit.strengthened());
            }
        }
        applyCombinations(found);
        applyExclusions(found);
        List<Hit> out = new ArrayList<>(found.values());
        out.sort(Comparator.comparingInt(Hit::position));
        return out;
    }

    private void add(Map<String, Hit> found, Hit hit) {
        TagRule rule = vocabulary.rule(hit.tag());
        if (rule == null) {
            return; // a detector tag this vocabulary does not have
        }
        Hit previous = found.get(hit.tag());
        if (previous != null && previous.position() <= hit.position()) {
            return;
        }
        found.put(hit.tag(), hit);
        for (String implied : rule.implies()) {
            add(found, hit.withTag(implied));
        }
    }

    private void applyCombinations(Map<String, Hit> found) {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (TagRule rule : combinationRules) {
                if (found.containsKey(rule.name())) {
                    continue;
                }
                for (Set<String> combination : rule.when()) {
                    if (found.keySet().containsAll(combination)) {
                        List<Hit> parts = combination.stream().map(found::get).toList();
                        int position = parts.stream().mapToInt(Hit::position).min().orElse(0);
                        String match = parts.stream().map(Hit::match).collect(Collectors.joining(" + "));
                        // One described part makes the whole match more than a quote of the text.
                        add(found, parts.stream().anyMatch(Hit::described)
                                ? Hit.described(rule.name(), match, position)
                                : Hit.strong(rule.name(), match, position));
                        changed = true;
                        break;
                    }
                }
            }
        }
    }

    private void applyExclusions(Map<String, Hit> found) {
        List<String> drop = new ArrayList<>();
        for (TagRule rule : exclusionRules) {
            if (found.containsKey(rule.name()) && rule.unless().stream().anyMatch(found::containsKey)) {
                drop.add(rule.name());
            }
        }
        drop.forEach(found::remove);
    }
}
