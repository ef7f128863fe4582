package dev.tagrouter.tagging;

import dev.tagrouter.cost.SipHash;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A tagger that remembers the tags of the texts it has tagged: a conversation resends its earlier user turns with
 * every request, and the router tags the recent ones again each time (as it tags the same question again on every
 * step of a tool loop). The tagger it wraps must answer the same text with the same tags, as the rules do.
 *
 * <p>No text of the caller is kept. A slot holds the text's keyed {@link SipHash} and length and, per tag, the tag's
 * name and its match as places in the text: a match quoted from the text is kept as where it starts and ends, and a
 * combination's match ("a + b") as its parts. Only the counts the rules write themselves ("120 letters", "3 of 4 stop
 * words", {@link #DESCRIPTION_WORDS}) are kept as they are. A result that cannot be put that way is not remembered.
 * The table is direct-mapped: a new text takes the slot of the one before.
 */
public final class RememberingTagger implements Tagger {

    /** Slots of the default table: a request adds at most the one user turn it routes, so this holds minutes. */
    public static final int DEFAULT_SLOTS = 1 << 13;

    private static final String JOIN = " + ";

    /** The words of the rules' own descriptions of a signal; with numbers, commas and spaces, all they are made of. */
    static final Set<String> DESCRIPTION_WORDS = Set.of("letters", "of", "stop", "words", "code", "at", "char",
            "chars", "questions", "numbered", "steps", "han", "kana", "hangul");

    /** One piece of a match: the text's chars [from, to), or the literal when it is not null. */
    private record Piece(int from, int to, String literal) {
    }

    private record Remembered(long hash, int length, String[] tags, Piece[][] matches) {
    }

    private final Tagger tagger;
    private final AtomicReferenceArray<Remembered> slots;
    private final int mask;
    private final long k0;
    private final long k1;

    /**
     * @param slots  a power of two, at least 1
     * @param k0, k1 the hash key; a secret from a secure random source, so callers cannot aim at a slot
     */
    public RememberingTagger(Tagger tagger, int slots, long k0, long k1) {
        if (slots < 1 || slots > 1 << 24 || Integer.bitCount(slots) != 1) {
            throw new IllegalArgumentException("slots must be a power of two between 1 and " + (1 << 24) + ", got "
                    + slots);
        }
        this.tagger = tagger;
        this.slots = new AtomicReferenceArray<>(slots);
        this.mask = slots - 1;
        this.k0 = k0;
        this.k1 = k1;
    }

    @Override
    public String name() {
        return tagger.name();
    }

    @Override
    public TagResult tag(String text) {
        if (text == null || text.isEmpty()) {
            return tagger.tag(text);
        }
        long hash = SipHash.hash(k0, k1, text);
        int slot = (int) hash & mask;
        Remembered seen = slots.getOpaque(slot);
        if (seen != null && seen.hash() == hash && seen.length() == text.length()) {
            return recall(seen, text);
        }
        TagResult result = tagger.tag(text);
        Remembered remembered = remember(hash, text, result);
        if (remembered != null) {
            slots.setOpaque(slot, remembered);
        }
        return result;
    }

    private static TagResult recall(Remembered seen, String text) {
        List<MatchedTag> tags = new ArrayList<>(seen.tags().length);
        for (int i = 0; i < seen.tags().length; i++) {
            tags.add(new MatchedTag(seen.tags()[i], write(seen.matches()[i], text)));
        }
        return new TagResult(tags);
    }

    // Null when some match cannot be kept as places in the text: then the text is tagged again next time.
    private static Remembered remember(long hash, String text, TagResult result) {
        int n = result.tags().size();
        String[] tags = new String[n];
        Piece[][] matches = new Piece[n][];
        for (int i = 0; i < n; i++) {
            MatchedTag tag = result.tags().get(i);
            tags[i] = tag.tag();
            matches[i] = pieces(tag.match(), text);
            if (matches[i] == null) {
                return null;
            }
        }
        return new Remembered(hash, text.length(), tags, matches);
    }

    // A combination's match joins its parts' matches with " + "; each part is found in the text or is the rules' own
    // description. Null when a part is neither (a match cut short inside the " + "). Written back, the pieces give
    // the match exactly: each piece reads as its part, and the parts were split at every " + ", left to right.
    private static Piece[] pieces(String match, String text) {
        List<Piece> pieces = new ArrayList<>(1);
        int start = 0;
        while (true) {
            int end = match.indexOf(JOIN, start);
            String part = match.substring(start, end < 0 ? match.length() : end);
            int at = text.indexOf(part);
            if (at >= 0) {
                pieces.add(new Piece(at, at + part.length(), null));
            } else if (isDescription(part)) {
                pieces.add(new Piece(0, 0, part));
            } else {
                return null;
            }
            if (end < 0) {
                return pieces.toArray(Piece[]::new);
            }
            start = end + JOIN.length();
        }
    }

    static boolean isDescription(String part) {
        int word = -1;
        for (int i = 0; i <= part.length(); i++) {
            char c = i < part.length() ? part.charAt(i) : ' ';
            if (c >= 'a' && c <= 'z') {
                word = word < 0 ? i : word;
            } else if (c == ' ' || c == ',' || (c >= '0' && c <= '9')) {
                if (word >= 0 && !DESCRIPTION_WORDS.contains(part.substring(word, i))) {
                    return false;
                }
                word = -1;
            } else {
                return false;
            }
        }
        return true;
    }

    private static String write(Piece[] pieces, String text) {
        if (pieces.length == 1) {
            return one(pieces[0], text);
        }
        StringBuilder match = new StringBuilder();
        for (int i = 0; i < pieces.length; i++) {
            if (i > 0) {
                match.append(JOIN);
            }
            match.append(one(pieces[i], text));
        }
        return match.toString();
    }

    private static String one(Piece piece, String text) {
        return piece.literal() != null ? piece.literal() : text.substring(piece.from(), piece.to());
    }
}
