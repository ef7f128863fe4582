package dev.tagrouter.tagging;

import java.util.List;

/**
 * How one query was tagged.
 *
 * @param tags      canonical tags with what produced them
 * @param tagger    the tagger whose tags these are: {@code rules}, {@code remote} or {@code hybrid}
 * @param unmatched the remote tagger's tags that no vocabulary tag matched
 * @param fallback  why the rules answered when the remote tagger was asked; null when it was not asked or answered
 */
public record Tagging(List<MatchedTag> tags, String tagger, List<String> unmatched, FallbackReason fallback) {

    public Tagging {
        tags = List.copyOf(tags);
        unmatched = List.copyOf(unmatched);
    }
}
