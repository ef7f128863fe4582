package dev.tagrouter.tagging;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Guesses the natural language of a text from stop words (alphabetic scripts) and from the mix of
 * Han, kana and Hangul characters (CJK), and answers only when confident.
 *
 * <p>Stop words come from the resource {@code stopwords.txt}; a word listed for several languages
 * counts for each of them. A language is reported when at least {@value #MIN_DISTINCT} different
 * stop words of it occur, its words make up at least {@value #MIN_SHARE} of all stop-word
 * occurrences, and it beats the runner-up by a factor of {@value #MIN_LEAD}. Only the first
 * {@value #SAMPLE_CHARS} characters are read: that is plenty to decide and keeps long inputs cheap.
 */
final class LanguageGuesser {

    static final String RESOURCE = "stopwords.txt";
    static final int MIN_DISTINCT = 2;
    static final double MIN_SHARE = 0.6;
    static final double MIN_LEAD = 1.25;
    static final int SAMPLE_CHARS = 8000;

    private final List<String> languages;
    private final Map<String, Long> stopWords;

    /** Takes the parts as {@link PrecomputedRulesCodec} read them: a word's bit k stands for language k. */
    LanguageGuesser(List<String> languages, Map<String, Long> stopWords) {
        if (languages.size() > Long.SIZE) {
            throw new IllegalArgumentException("at most " + Long.SIZE + " stop-word languages");
        }
        long known = languages.size() == Long.SIZE ? -1L : (1L << languages.size()) - 1;
        for (Map.Entry<String, Long> word : stopWords.entrySet()) {
            if (word.getValue() == 0 || (word.getValue() & ~known) != 0) {
                throw new IllegalArgumentException("stop word '" + word.getKey() + "' has no or unknown languages");
            }
        }
        this.languages = List.copyOf(languages);
        this.stopWords = java.util.Collections.unmodifiableMap(new HashMap<>(stopWords));
    }

    /** Reads the stop-word lines ({@code lang-tag: word word ...}). */
    static LanguageGuesser parse(List<String> resourceLines) {
        List<String> langs = new ArrayList<>();
        Map<String, Long> words = new HashMap<>();
        for (String line : resourceLines) {
            String s = line.strip();
            if (s.isEmpty() || s.startsWith("#")) {
                continue;
            }
            int colon = s.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("stop-word line without 'lang-tag:' prefix: " + s);
            }
            if (langs.size() == Long.SIZE) {
                throw new IllegalArgumentException("at most " + Long.SIZE + " stop-word languages");
            }
            long bit = 1L << langs.size();
            langs.add(s.substring(0, colon).strip());
            for (String w : s.substring(colon + 1).strip().split("\\s+")) {
                words.merge(w.toLowerCase(Locale.ROOT), bit, (a, b) -> a | b);
            }
        }
        return new LanguageGuesser(langs, words);
    }

    static LanguageGuesser curated() {
        return parse(TagVocabulary.ResourceLines.read(RESOURCE));
    }

    List<String> languages() {
        return languages;
    }

    Map<String, Long> stopWords() {
        return stopWords;
    }

    /** Language tags for the text, at most one from stop words plus one CJK language. */
    List<Hit> guess(String text, ScriptProfile profile, List<Script> present, int position) {
        List<Hit> hits = new ArrayList<>(2);
        Hit byStopWords = byStopWords(text, position);
        if (byStopWords != null) {
            hits.add(byStopWords);
        }
        if (present.contains(Script.CJK)) {
            String cjk = cjkLanguage(profile);
            if (cjk != null) {
                hits.add(Hit.described(cjk, cjkDescription(profile), position + 1));
            }
        }
        return hits;
    }

    private static String cjkLanguage(ScriptProfile p) {
        // Kana exists only in Japanese and Hangul only in Korean; Han alone means Chinese.
        if (p.kana() >= 2 && p.kana() >= p.hangul()) {
            return "lang-japanese";
        }
        if (p.hangul() >= 2) {
            return "lang-korean";
        }
        if (p.han() >= 2) {
            return "lang-chinese";
        }
        return null;
    }

    private static String cjkDescription(ScriptProfile p) {
        return p.han() + " han, " + p.kana() + " kana, " + p.hangul() + " hangul";
    }

    private Hit byStopWords(String text, int position) {
        int[] hits = new int[languages.size()];
        int[] distinct = new int[languages.size()];
        Set<String> seen = new HashSet<>();
        int total = 0;
        int n = Math.min(text.length(), SAMPLE_CHARS);
        int i = 0;
        while (i < n) {
            int cp = text.codePointAt(i);
            if (!isWordPart(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            while (i < n && isWordPart(cp = text.codePointAt(i))) {
                i += Character.charCount(cp);
            }
            if (i - start > 12) {
                continue; // no stop word is that long
            }
            String word = text.substring(start, i).toLowerCase(Locale.ROOT);
            Long mask = stopWords.get(word);
            if (mask != null) {
                boolean first = seen.add(word);
                for (long m = mask; m != 0; m &= m - 1) {
                    int k = Long.numberOfTrailingZeros(m);
                    hits[k]++;
                    if (first) {
                        distinct[k]++;
                    }
                }
                total++;
            }
        }
        int best = -1;
        int second = -1;
        for (int k = 0; k < hits.length; k++) {
            if (best < 0 || hits[k] > hits[best]) {
                second = best;
                best = k;
            } else if (second < 0 || hits[k] > hits[second]) {
                second = k;
            }
        }
        if (best < 0 || distinct[best] < MIN_DISTINCT || hits[best] < MIN_SHARE * total
                || (second >= 0 && hits[best] < MIN_LEAD * hits[second])) {
            return null;
        }
        return Hit.described(languages.get(best), hits[best] + " of " + total + " stop words", position);
    }

    private static boolean isWordPart(int cp) {
        if (Character.isLetter(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
    }
}
