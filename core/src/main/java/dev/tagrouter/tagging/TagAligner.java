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

    /** Shortest normalised tag the sub-phrase step considers, and the trigram step. */
    private static final int MIN_PART_CHARS = 2;
    private static final int MIN_FUZZY_CHARS = 4;
    /** Longest unmatched tag echoed back to the caller. */
    static final int MAX_ECHO_CHARS = 64;

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
            // Markup, code or prose is not a tag: aligning its words would turn "<b>cookie</b>" into cooking.
            Optional<String> tag = tagLike(raw) ? canonical(raw) : Optional.empty();
            if (tag.isEmpty()) {
                String echo = echo(raw);
                if (!echo.isEmpty()) {
                    unmatched.add(echo);
                }
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
        String normalised = TextNormalizer.normalize(raw);
        String[] words = normalised.split(" ");
        for (int length = words.length - 1; length >= 1; length--) {
            for (int start = 0; start + length <= words.length; start++) {
                String phrase = String.join(" ", List.of(words).subList(start, start + length));
                if (phrase.length() < MIN_PART_CHARS) {
                    continue;
                }
                Optional<String> part = vocabulary.lookup(phrase);
                if (part.isPresent()) {
                    return part;
                }
            }
        }
        // A letter or two shares a trigram with half the vocabulary ("d" came out as gaming).
        return normalised.length() < MIN_FUZZY_CHARS ? Optional.empty() : nearest(normalised);
    }

    // Letters, digits, spaces and the punctuation real tags use (c++, c#, node.js, r&d, machine-learning).
    private static boolean tagLike(String raw) {
        return !raw.isBlank() && raw.codePoints().allMatch(c -> Character.isLetterOrDigit(c) || c == ' '
                || "-_+#./&'".indexOf(c) >= 0);
    }

    // What is echoed in unmatchedTags is generator output, not ours: tag characters only, capped, so that a caller
    // showing it cannot be handed markup or a wall of text.
    static String echo(String raw) {
        StringBuilder kept = new StringBuilder();
        raw.codePoints().filter(c -> Character.isLetterOrDigit(c) || Character.isSpaceChar(c)
                || "-_+#./&'".indexOf(c) >= 0).forEach(kept::appendCodePoint);
        String clean = kept.toString().strip().replaceAll("\\s+", " ");
        return clean.length() <= MAX_ECHO_CHARS ? clean : clean.substring(0, MAX_ECHO_CHARS);
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
