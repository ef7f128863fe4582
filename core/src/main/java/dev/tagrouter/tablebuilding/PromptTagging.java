package dev.tagrouter.tablebuilding;

import dev.tagrouter.tagging.CanonicalTag;
import dev.tagrouter.tagging.TagResult;
import dev.tagrouter.tagging.Tagger;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Tags a dataset's prompts once, so that a table build or every fold of an evaluation can reuse the tags. */
public final class PromptTagging {

    private PromptTagging() {
    }

    public static Map<String, TagResult> tagAll(List<Prompt> prompts, Tagger tagger) {
        Map<String, TagResult> tags = new LinkedHashMap<>();
        for (Prompt prompt : prompts) {
            tags.put(prompt.id(), tagger.tag(prompt.text()));
        }
        return tags;
    }

    /** Canonical tag name to its aliases, as stored in a routing table. */
    public static Map<String, List<String>> aliases(Collection<CanonicalTag> vocabulary) {
        Map<String, List<String>> aliases = new LinkedHashMap<>();
        for (CanonicalTag tag : vocabulary) {
            aliases.put(tag.name(), tag.aliases());
        }
        return aliases;
    }
}
