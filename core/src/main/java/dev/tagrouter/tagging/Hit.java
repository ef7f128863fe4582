package dev.tagrouter.tagging;

/**
 * One piece of evidence for a tag while a text is being tagged.
 *
 * @param tag       canonical tag name
 * @param match     original text span or signal description
 * @param position  where the evidence starts in the original text; whole-text signals sort after all spans
 * @param weak      true for a weak alias, which needs a context tag to count
 * @param described true when the match, or a part of a combination's, is a detector's own description of a signal
 */
record Hit(String tag, String match, int position, boolean weak, boolean described) {

    static final int MAX_MATCH_CHARS = 80;

    /** Evidence quoted from the text. */
    static Hit strong(String tag, String match, int position) {
        return new Hit(tag, clip(match), position, false, false);
    }

    /** Evidence in the detector's own words (a count, a place), which the text need not contain. */
    static Hit described(String tag, String description, int position) {
        return new Hit(tag, clip(description), position, false, true);
    }

    private static String clip(String match) {
        return match.length() <= MAX_MATCH_CHARS ? match : match.substring(0, MAX_MATCH_CHARS);
    }

    Hit withTag(String other) {
        return new Hit(other, match, position, false, described);
    }

    Hit weakened() {
        return new Hit(tag, match, position, true, described);
    }

    Hit strengthened() {
        return weak ? new Hit(tag, match, position, false, described) : this;
    }
}
