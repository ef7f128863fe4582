package dev.tagrouter.tagging;

import java.util.List;
import java.util.Objects;

/** A tag of the canonical vocabulary, what it describes, and the phrases that map to it. */
public record CanonicalTag(String name, TagCategory category, List<String> aliases) {
    public CanonicalTag {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(category, "category");
        aliases = List.copyOf(aliases);
    }
}
