package dev.tagrouter.tagging;

import dev.tagrouter.cost.SipHash;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A tagger that remembers the tags of the texts it has tagged: a conversation resends its earlier user turns with
 * every request, and the router tags the recent ones again each time (as it tags the same question again on every
 * step of a tool loop). The tagger it wraps must answer the same text with the same tags, as the rules do.
 *
 * <p>No text of the caller is kept. A slot holds the text's keyed {@link SipHash} and length and, per tag, the tag's
 * name and its match as places in the text: a match quoted from the text is kept as where it starts and ends, and a
 * combination's match ("a + b") as its parts. Only a {@link MatchedTag#described() described} match, the tagger's own
 * words ("120 letters", "3 of 4 stop words"), keeps the parts the text lacks as they are. A result that cannot be put
 * that way is not remembered.
 * The table is direct-mapped: a new text takes the slot of the one before.
 */
public final class RememberingTagger implements Tagger {

    /** Slots of the default table: a request adds at most the one user turn it routes, so this holds minutes. */
    public static final int DEFAULT_SLOTS = 1 << 13;

    private static final String JOIN = " + ";

    /** One piece of a match: the text's chars [from, to), or the literal when it is not null. */
    private record Piece(int from, int to, String literal) {
    }

    private record Remembered(long hash, int length, String[] tags, Piece[][] matches, boolean[] described) {
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
            tags.add(new MatchedTag(seen.tags()[i], write(seen.matches()[i], text), seen.described()[i]));
        }
        return new TagResult(tags);
    }

    // Null when some match cannot be kept as places in the text: then the text is tagged again next time.
    private static Remembered remember(long hash, String text, TagResult result) {
        int n = result.tags().size();
        String[] tags = new String[n];
        Piece[][] matches = new Piece[n][];
        boolean[] described = new boolean[n];
        for (int i = 0; i < n; i++) {
            MatchedTag tag = result.tags().get(i);
            tags[i] = tag.tag();
            described[i] = tag.described();
            matches[i] = pieces(tag.match(), tag.described(), text);
            if (matches[i] == null) {
                return null;
            }
        }
        return new Remembered(hash, text.length(), tags, matches, described);
    }

    // A combination's match joins its parts' matches with " + "; each part is found in the text or, in a described
    // match, is the tagger's own description. Null when a part is neither. A described match cut at the clip may end
    // inside a quoted part's " + " ("...a quote +"), which must not be kept, so it keeps nothing as it is. Written
    // back, the pieces give the match exactly: each piece reads as its part, and the parts were split at every " + ",
    // left to right.
    private static Piece[] pieces(String match, boolean described, String text) {
        boolean literals = described && match.length() < Hit.MAX_MATCH_CHARS;
        List<Piece> pieces = new ArrayList<>(1);
        int start = 0;
        while (true) {
            int end = match.indexOf(JOIN, start);
            String part = match.substring(start, end < 0 ? match.length() : end);
            int at = text.indexOf(part);
            if (at >= 0) {
                pieces.add(new Piece(at, at + part.length(), null));
            } else if (literals) {
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
