package dev.tagrouter.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits a prompt into normalised content words for the baselines and the keyword miner: lower case, letters and
 * digits only, a crude plural stemming (trailing "s" after four or more letters, not "ss"), stop words removed.
 */
final class Words {

    // Function words and the politeness that opens many prompts; they say nothing about what is asked.
    private static final Set<String> STOP = Set.of(
            "a", "an", "the", "and", "or", "but", "if", "then", "else", "of", "to", "in", "on", "at", "by", "for",
            "with", "from", "into", "about", "as", "is", "are", "was", "were", "be", "been", "being", "am", "do",
            "does", "did", "doing", "have", "has", "had", "having", "it", "its", "it's", "this", "that", "these",
            "those", "there", "here", "i", "me", "my", "mine", "we", "our", "us", "you", "your", "yours", "he", "him",
            "his", "she", "her", "they", "them", "their", "what", "which", "who", "whom", "whose", "when", "where",
            "why", "how", "can", "could", "would", "should", "will", "shall", "may", "might", "must", "not", "no",
            "yes", "so", "too", "very", "just", "also", "than", "such", "some", "any", "all", "each", "every", "more",
            "most", "other", "own", "same", "only", "both", "few", "many", "much", "up", "down", "out", "over",
            "under", "again", "once", "please", "thank", "thanks", "hi", "hello", "hey", "like", "get", "make",
            "want", "need", "know", "tell", "give", "one", "two", "way", "thing", "something", "anything", "s", "t",
            "don", "doesn", "didn", "isn", "aren", "let", "while", "because", "between", "through", "during",
            "before", "after", "above", "below", "off", "further", "now", "well", "even", "still", "really");

    private Words() {
    }

    static List<String> of(String text) {
        List<String> words = new ArrayList<>();
        for (String raw : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (raw.isEmpty() || STOP.contains(raw)) {
                continue;
            }
            String w = raw.length() > 4 && raw.endsWith("s") && !raw.endsWith("ss")
                    ? raw.substring(0, raw.length() - 1) : raw;
            if (w.length() > 1 && !STOP.contains(w)) {
                words.add(w);
            }
        }
        return words;
    }

    /** Unigrams and the bigrams of adjacent content words (stop words break a bigram, which keeps phrases). */
    static List<String> terms(String text) {
        List<String> terms = new ArrayList<>();
        List<String> run = new ArrayList<>();
        for (String raw : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            List<String> w = raw.isEmpty() ? List.of() : of(raw);
            if (w.isEmpty()) {
                run.clear();
                continue;
            }
            String word = w.get(0);
            terms.add(word);
            if (!run.isEmpty()) {
                terms.add(run.get(run.size() - 1) + " " + word);
            }
            run.add(word);
        }
        return terms;
    }
}
