package dev.tagrouter.tagging;

/**
 * One piece of evidence for a tag while a text is being tagged.
 *
 * @param tag      canonical tag name
 * @param match    original text span or signal description
 * @param position where the evidence starts in the original text; whole-text signals sort after all spans
 * @param weak     true for a weak alias, which needs a context tag to count
 */
record Hit(String tag, String match, int position, boolean weak) {

    static final int MAX_MATCH_CHARS = 80;

    static Hit strong(String tag, String match, int position) {
        return new Hit(tag, clip(match), position, false);
    }

    private static String clip(String match) {
        return match.length() <= MAX_MATCH_CHARS ? match : match.substring(0, MAX_MATCH_CHARS);
    }

    Hit withTag(String other) {
        return new Hit(other, match, position, false);
    }

    Hit strengthened() {
        return weak ? new Hit(tag, match, position, false) : this;
    }
}
