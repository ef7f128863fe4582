package dev.tagrouter.tagging;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import dev.tagrouter.tagging.AliasMatcher.AliasRef;
import org.ahocorasick.trie.PayloadEmit;
import org.ahocorasick.trie.PayloadTrie;

/**
 * The alias matcher as it was before the build precomputed it: an org.ahocorasick automaton over one private-use
 * character per alias word. Kept as the oracle that {@link AliasMatcher}'s phrase trie finds exactly the same hits.
 */
final class AhoCorasickAliasOracle {

    /** First character of the Unicode private use area, never produced by normalisation here. */
    private static final char FIRST_WORD_CHAR = '\uE000';
    private static final int MAX_WORDS = 0xF8FF - 0xE000 + 1;
    private static final char UNKNOWN_WORD = ' ';

    private static final Comparator<PayloadEmit<AliasRef>> BY_START_THEN_LONGEST =
            Comparator.<PayloadEmit<AliasRef>>comparingInt(PayloadEmit::getStart)
                    .thenComparing(Comparator.<PayloadEmit<AliasRef>>comparingInt(PayloadEmit::getEnd).reversed());

    private final Map<String, Character> wordChars;
    private final PayloadTrie<AliasRef> trie;

    AhoCorasickAliasOracle(TagVocabulary vocabulary) {
        // The phrases themselves are the matcher's (one rule for which aliases count and how); what the oracle checks
        // is how they are found.
        Map<String, AliasRef> phrases = AliasMatcher.phrases(vocabulary);
        Map<String, Character> chars = new HashMap<>();
        PayloadTrie.PayloadTrieBuilder<AliasRef> builder = PayloadTrie.builder();
        for (Map.Entry<String, AliasRef> phrase : phrases.entrySet()) {
            StringBuilder encoded = new StringBuilder();
            for (String word : phrase.getKey().split(" ")) {
                Character c = chars.get(word);
                if (c == null) {
                    if (chars.size() == MAX_WORDS) {
                        throw new IllegalArgumentException("vocabulary uses more than " + MAX_WORDS + " distinct words");
                    }
                    c = (char) (FIRST_WORD_CHAR + chars.size());
                    chars.put(word, c);
                }
                encoded.append(c.charValue());
            }
            builder.addKeyword(encoded.toString(), phrase.getValue());
        }
        this.wordChars = Map.copyOf(chars);
        this.trie = builder.build();
    }

    /** The first hit of each tag (strong and weak separately), quoted from the original text. */
    List<Hit> find(NormalizedText normalized, String original) {
        int count = normalized.wordCount();
        if (count == 0) {
            return List.of();
        }
        StringBuilder encoded = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            Character c = wordChars.get(normalized.word(i));
            encoded.append(c == null ? UNKNOWN_WORD : c.charValue());
        }
        Collection<PayloadEmit<AliasRef>> emits = trie.parseText(encoded);
        if (emits.isEmpty()) {
            return List.of();
        }
        List<PayloadEmit<AliasRef>> sorted = new ArrayList<>(emits);
        sorted.sort(BY_START_THEN_LONGEST);
        List<Hit> hits = new ArrayList<>();
        Set<AliasRef> reported = new HashSet<>();
        int maxEnd = -1;
        for (PayloadEmit<AliasRef> emit : sorted) {
            if (emit.getEnd() <= maxEnd) {
                continue; // inside an earlier, longer match
            }
            maxEnd = emit.getEnd();
            AliasRef ref = emit.getPayload();
            if (!reported.add(ref)) {
                continue;
            }
            int from = normalized.wordOriginalStart(emit.getStart());
            int to = normalized.wordOriginalEnd(emit.getEnd());
            Hit hit = Hit.strong(ref.tag(), original.substring(from, to), from);
            hits.add(ref.weak() ? hit.weakened() : hit);
        }
        return hits;
    }
}
