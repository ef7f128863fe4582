package dev.tagrouter.tagging;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Limits the number of tags, keeping a mix of categories.
 *
 * <p>Tags are taken round-robin over the categories in the order TASK, DOMAIN, DIFFICULTY, FORMAT,
 * LANGUAGE, each category in order of first appearance: the first task, the first domain, ..., then
 * the second task, and so on until the cap is reached. What is asked and about what matters most for
 * routing; script and language describe every text and are kept last. The kept tags are returned in
 * their original order.
 */
final class TagCapper {

    private static final List<TagCategory> PRIORITY = List.of(
            TagCategory.TASK, TagCategory.DOMAIN, TagCategory.DIFFICULTY, TagCategory.FORMAT, TagCategory.LANGUAGE);

    private final TagVocabulary vocabulary;

    TagCapper(TagVocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    List<Hit> cap(List<Hit> ordered, int max) {
        if (ordered.size() <= max) {
            return ordered;
        }
        Map<TagCategory, List<Hit>> byCategory = new EnumMap<>(TagCategory.class);
        for (Hit hit : ordered) {
            TagCategory category = vocabulary.rule(hit.tag()).category();
            byCategory.computeIfAbsent(category, c -> new ArrayList<>()).add(hit);
        }
        Set<String> kept = new HashSet<>();
        for (int round = 0; kept.size() < max; round++) {
            boolean any = false;
            for (TagCategory category : PRIORITY) {
                List<Hit> hits = byCategory.getOrDefault(category, List.of());
                if (round < hits.size() && kept.size() < max) {
                    kept.add(hits.get(round).tag());
                    any = true;
                }
            }
            if (!any) {
                break;
            }
        }
        return ordered.stream().filter(h -> kept.contains(h.tag())).toList();
    }
}
