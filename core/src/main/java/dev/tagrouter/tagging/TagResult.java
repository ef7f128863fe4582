package dev.tagrouter.tagging;

import java.util.List;

/** The tags found in one text, each canonical tag at most once, in order of first appearance. */
public record TagResult(List<MatchedTag> tags) {

    public TagResult {
        tags = List.copyOf(tags);
    }

    public static TagResult empty() {
        return new TagResult(List.of());
    }

    public List<String> names() {
        return tags.stream().map(MatchedTag::tag).toList();
    }

    public boolean isEmpty() {
        return tags.isEmpty();
    }
}
