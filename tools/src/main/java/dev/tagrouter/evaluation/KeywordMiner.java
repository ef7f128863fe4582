package dev.tagrouter.evaluation;

import dev.tagrouter.tagging.MatchedTag;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Mines extra tags from training prompts, standing in for the paper's LLM tag generation plus frequency filter
 * (TagRouter section 3, "tags appearing fewer than 5 times are removed"): normalised unigrams and bigrams of content
 * words (see {@link Words}) carried by at least {@code minCount} training prompts become tags {@code kw:<term>}. A
 * prompt gets at most {@code perPrompt} of them, the most frequent first, because frequent terms have the most
 * training outcomes behind their scores.
 */
final class KeywordMiner {

    static final String PREFIX = "kw:";

    private final Map<String, Integer> documentFrequency = new HashMap<>();
    private final int perPrompt;

    KeywordMiner(List<String> trainingTexts, int minCount, int perPrompt) {
        this.perPrompt = perPrompt;
        Map<String, Integer> df = new HashMap<>();
        for (String text : trainingTexts) {
            for (String term : new LinkedHashSet<>(Words.terms(text))) {
                df.merge(term, 1, Integer::sum);
            }
        }
        df.forEach((term, count) -> {
            if (count >= minCount) {
                documentFrequency.put(term, count);
            }
        });
    }

    int vocabularySize() {
        return documentFrequency.size();
    }

    List<MatchedTag> tags(String text) {
        List<String> present = new ArrayList<>();
        for (String term : new LinkedHashSet<>(Words.terms(text))) {
            if (documentFrequency.containsKey(term)) {
                present.add(term);
            }
        }
        // Stable sort: equally frequent terms keep their order of appearance.
        present.sort(Comparator.comparingInt((String t) -> -documentFrequency.get(t)));
        return present.stream().limit(perPrompt).map(t -> new MatchedTag(PREFIX + t, t)).toList();
    }
}
