package dev.tagrouter.testing;

import dev.tagrouter.tagging.MatchedTag;
import dev.tagrouter.tagging.TagResult;
import dev.tagrouter.tagging.Tagger;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A tiny, predictable tagger for routing tests, independent of the curated vocabulary. */
public final class KeywordTagger implements Tagger {

    private static final Map<String, String> KEYWORDS = new LinkedHashMap<>();

    static {
        KEYWORDS.put("python", "coding");
        KEYWORDS.put("javascript", "coding");
        KEYWORDS.put("sql", "coding");
        KEYWORDS.put("poem", "poem");
        KEYWORDS.put("prove", "math-proof");
        KEYWORDS.put("klingon", "klingon");
    }

    @Override
    public String name() {
        return "keywords";
    }

    @Override
    public TagResult tag(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        List<MatchedTag> tags = new ArrayList<>();
        KEYWORDS.forEach((word, tag) -> {
            if (lower.contains(word) && tags.stream().noneMatch(t -> t.tag().equals(tag))) {
                tags.add(new MatchedTag(tag, word));
            }
        });
        return new TagResult(tags);
    }

    public static Map<String, List<String>> aliases() {
        return Map.of("coding", List.of("python", "javascript", "sql"), "poem", List.of("poems"));
    }
}
