package dev.tagrouter.tagging;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds vocabulary aliases as whole-word phrases in normalised text.
 *
 * <p>Matching runs over words rather than characters: every word that occurs in some alias is given an id, aliases
 * are id sequences in a {@link PhraseTrie}, and a text is looked up word by word (a word no alias uses ends every
 * walk). Word boundaries are then implicit and a walk is at most as long as the longest alias, which keeps
 * 32k-character inputs cheap. The word ids, the trie and what each alias stands for are plain arrays, so the build
 * precomputes them ({@link PrecomputedRulesCodec}) and start-up only reads them.
 *
 * <p>When one match lies inside a longer one ("letter" inside "cover letter"), only the longer match is kept: the
 * longer phrase is the more specific reading of those words. Of the matches starting at one word only the longest
 * can count, and it counts unless it ends inside a match already kept. Only the first match of each tag is reported,
 * since the tagger keeps a tag's earliest evidence.
 * Immutable after construction and only read while matching, so it is thread-safe.
 */
final class AliasMatcher {

    /** What an alias stands for: a tag, found strongly or weakly. */
    record AliasRef(String tag, boolean weak) {

        // Written out, with the record's meaning: the generated ones are linked through invokedynamic on first use,
        // which cost a cold service's first answer about 15 ms (issue 14); every match is checked against a set.
        @Override
        public boolean equals(Object o) {
            return o instanceof AliasRef r && java.util.Objects.equals(tag, r.tag) && weak == r.weak;
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hashCode(tag) * 31 + Boolean.hashCode(weak);
        }
    }

    private final List<String> words;
    private final Map<String, Integer> wordIds;
    private final PhraseTrie trie;
    private final List<AliasRef> refs;

    AliasMatcher(TagVocabulary vocabulary) {
        Map<String, AliasRef> phrases = phrases(vocabulary);
        List<String> wordList = new ArrayList<>();
        Map<String, Integer> ids = new HashMap<>();
        PhraseTrie.Builder builder = new PhraseTrie.Builder();
        List<AliasRef> refList = new ArrayList<>(phrases.size());
        for (Map.Entry<String, AliasRef> phrase : phrases.entrySet()) {
            String[] split = phrase.getKey().split(" ");
            int[] encoded = new int[split.length];
            for (int i = 0; i < split.length; i++) {
                encoded[i] = ids.computeIfAbsent(split[i], w -> {
                    wordList.add(w);
                    return wordList.size() - 1;
                });
            }
            builder.add(encoded, refList.size());
            refList.add(phrase.getValue());
        }
        this.words = List.copyOf(wordList);
        this.wordIds = ids;
        this.trie = builder.build();
        this.refs = List.copyOf(refList);
    }

    /** The normalised phrases the vocabulary's text-matched rules are found by, in rule order, each with its tag. */
    static Map<String, AliasRef> phrases(TagVocabulary vocabulary) {
        Map<String, AliasRef> phrases = new LinkedHashMap<>();
        for (TagRule rule : vocabulary.rules()) {
            if (!rule.textMatch()) {
                continue;
            }
            for (String alias : rule.strongAliases()) {
                phrases.put(TextNormalizer.normalize(alias), new AliasRef(rule.name(), false));
            }
            for (String alias : rule.weakAliases()) {
                // A phrase that is both weak and strong for one tag stays strong.
                phrases.putIfAbsent(TextNormalizer.normalize(alias), new AliasRef(rule.name(), true));
            }
        }
        return phrases;
    }

    /** Takes the parts as {@link PrecomputedRulesCodec} read them: word i has id i, phrase p stands for refs(p). */
    AliasMatcher(List<String> words, PhraseTrie trie, List<AliasRef> refs) {
        Map<String, Integer> ids = new HashMap<>(words.size() * 2);
        for (int i = 0; i < words.size(); i++) {
            if (ids.put(words.get(i), i) != null) {
                throw new IllegalArgumentException("alias word '" + words.get(i) + "' appears twice");
            }
        }
        for (int phrase : trie.phrases()) {
            if (phrase < PhraseTrie.NONE || phrase >= refs.size()) {
                throw new IllegalArgumentException("phrase " + phrase + " of " + refs.size() + " aliases");
            }
        }
        this.words = List.copyOf(words);
        this.wordIds = ids;
        this.trie = trie;
        this.refs = List.copyOf(refs);
    }

    List<String> words() {
        return words;
    }

    PhraseTrie trie() {
        return trie;
    }

    List<AliasRef> refs() {
        return refs;
    }

    /** The first hit of each tag (strong and weak separately), quoted from the original text. */
    List<Hit> find(NormalizedText normalized, String original) {
        int count = normalized.wordCount();
        if (count == 0) {
            return List.of();
        }
        int[] ids = new int[count];
        for (int i = 0; i < count; i++) {
            Integer id = wordIds.get(normalized.word(i));
            ids[i] = id == null ? PhraseTrie.NONE : id;
        }
        List<Hit> hits = new ArrayList<>();
        Set<AliasRef> reported = new HashSet<>();
        int maxEnd = -1;
        for (int start = 0; start < count; start++) {
            int longest = PhraseTrie.NONE;
            int end = -1;
            int node = PhraseTrie.ROOT;
            for (int i = start; i < count && ids[i] != PhraseTrie.NONE; i++) {
                node = trie.child(node, ids[i]);
                if (node == PhraseTrie.NONE) {
                    break;
                }
                if (trie.phrase(node) != PhraseTrie.NONE) {
                    longest = trie.phrase(node);
                    end = i;
                }
            }
            if (longest == PhraseTrie.NONE || end <= maxEnd) {
                continue; // nothing starts here, or it lies inside an earlier, longer match
            }
            maxEnd = end;
            AliasRef ref = refs.get(longest);
            if (!reported.add(ref)) {
                continue;
            }
            int from = normalized.wordOriginalStart(start);
            int to = normalized.wordOriginalEnd(end);
            Hit hit = Hit.strong(ref.tag(), original.substring(from, to), from);
            hits.add(ref.weak() ? hit.weakened() : hit);
        }
        return hits;
    }
}
