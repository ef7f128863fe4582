package dev.tagrouter.tagging;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Maps free-form tags (from an LLM tag generator) to the canonical vocabulary, ONNX-free, in the order of TagRouter's
 * alignment step (method note, "Online" 2) with lexical matching in place of embeddings: the exact name or alias after
 * normalisation (case, punctuation, plurals), then the longest run of the tag's words that is a name or alias
 * ("python programming" gives python), then the character-trigram cosine similarity to every name and alias, kept
 * only at or above a threshold. Tags that match nothing are returned as unmatched, never dropped silently.
 */
public final class TagAligner {

    /** The aligned tags (canonical, with the raw tag as the match) and the raw tags that matched nothing. */
    public record Alignment(List<MatchedTag> tags, List<String> unmatched) {
    }

    private final TagVocabulary vocabulary;
    private final double threshold;
    private final List<String> owners = new ArrayList<>();
    private final List<Double> norms = new ArrayList<>();
    // Trigram -> {phrase index, count} pairs: a miss only visits phrases that share a trigram with it.
    private final Map<String, List<int[]>> postings = new HashMap<>();

    public TagAligner(TagVocabulary vocabulary, double threshold) {
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("alignment threshold must be in (0, 1], got " + threshold);
        }
        this.vocabulary = vocabulary;
        this.threshold = threshold;
        for (CanonicalTag tag : vocabulary.tags()) {
            add(tag.name().replace('-', ' '), tag.name());
            tag.aliases().forEach(alias -> add(alias, tag.name()));
        }
    }

    public Alignment align(List<String> rawTags) {
        Set<String> seen = new LinkedHashSet<>();
        List<MatchedTag> tags = new ArrayList<>();
        List<String> unmatched = new ArrayList<>();
        for (String raw : rawTags) {
            Optional<String> tag = canonical(raw);
            if (tag.isEmpty()) {
                unmatched.add(raw);
            } else if (seen.add(tag.get())) {
                tags.add(new MatchedTag(tag.get(), raw));
            }
        }
        return new Alignment(tags, unmatched);
    }

    /** The canonical tag of one free-form tag, if any step finds one. */
    public Optional<String> canonical(String raw) {
        Optional<String> exact = vocabulary.lookup(raw);
        if (exact.isPresent()) {
            return exact;
        }
        String[] words = TextNormalizer.normalize(raw).split(" ");
        for (int length = words.length - 1; length >= 1; length--) {
            for (int start = 0; start + length <= words.length; start++) {
                Optional<String> part = vocabulary.lookup(String.join(" ", List.of(words).subList(start, start + length)));
                if (part.isPresent()) {
                    return part;
                }
            }
        }
        return nearest(TextNormalizer.normalize(raw));
    }

    private Optional<String> nearest(String text) {
        Map<String, Integer> query = trigrams(text);
        double queryNorm = norm(query);
        double[] dots = new double[owners.size()];
        for (Map.Entry<String, Integer> g : query.entrySet()) {
            for (int[] posting : postings.getOrDefault(g.getKey(), List.of())) {
                dots[posting[0]] += g.getValue() * posting[1];
            }
        }
        double best = 0;
        String owner = null;
        for (int i = 0; i < dots.length; i++) {
            double cosine = queryNorm == 0 ? 0 : dots[i] / (queryNorm * norms.get(i));
            if (cosine > best) {
                best = cosine;
                owner = owners.get(i);
            }
        }
        return best >= threshold ? Optional.of(owner) : Optional.empty();
    }

    private void add(String phrase, String owner) {
        String normalised = TextNormalizer.normalize(phrase);
        if (normalised.isBlank()) {
            return;
        }
        Map<String, Integer> g = trigrams(normalised);
        int index = owners.size();
        owners.add(owner);
        norms.add(norm(g));
        g.forEach((gram, count) -> postings.computeIfAbsent(gram, k -> new ArrayList<>()).add(new int[]{index, count}));
    }

    // Padded with spaces so that word starts and ends count, as in the usual character n-gram similarity.
    private static Map<String, Integer> trigrams(String text) {
        String padded = " " + text + " ";
        Map<String, Integer> g = new HashMap<>();
        for (int i = 0; i + 3 <= padded.length(); i++) {
            g.merge(padded.substring(i, i + 3), 1, Integer::sum);
        }
        return g;
    }

    private static double norm(Map<String, Integer> g) {
        double s = 0;
        for (int v : g.values()) {
            s += (double) v * v;
        }
        return Math.sqrt(s);
    }
}
