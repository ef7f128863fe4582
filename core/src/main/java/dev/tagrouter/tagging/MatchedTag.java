package dev.tagrouter.tagging;

import java.util.Objects;

/**
 * One canonical tag and the piece of the text (or the signal) that produced it.
 *
 * @param tag       canonical tag name, as in the vocabulary
 * @param match     the raw text that matched, or a short description of the signal (e.g. "1843 chars")
 * @param described true when the match (or a part of a combination's "a + b") is the tagger's own description of a
 *                  signal rather than a quote of the text; internal to tagging, not part of any reply
 */
public record MatchedTag(String tag, String match, boolean described) {
    public MatchedTag {
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(match, "match");
    }

    /** A tag whose match is quoted from the text, or is a model's output. */
    public MatchedTag(String tag, String match) {
        this(tag, match, false);
    }
}
