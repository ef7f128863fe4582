package dev.tagrouter.tagging;

import java.util.Objects;

/**
 * One canonical tag and the piece of the text (or the signal) that produced it.
 *
 * @param tag   canonical tag name, as in the vocabulary
 * @param match the raw text that matched, or a short description of the signal (e.g. "1843 chars")
 */
public record MatchedTag(String tag, String match) {
    public MatchedTag {
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(match, "match");
    }
}
