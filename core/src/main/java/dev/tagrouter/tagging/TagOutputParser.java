package dev.tagrouter.tagging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the tags out of a tag generator's reply, whatever shape real models give it: a JSON list of strings, a list
 * of {"tag", "explanation"} objects, either inside a ``` fence or surrounded by prose, or plain comma- or
 * newline-separated text with bullets or numbers. Caps the number of tags and the length of each.
 */
public final class TagOutputParser {

    private static final Pattern BULLET = Pattern.compile("^\\s*(?:[-*\u2022]|\\d+[.)])\\s*");
    private static final Pattern QUOTES = Pattern.compile("^[\\s\"'`#]+|[\\s\"'`.]+$");

    private final ObjectMapper json = new ObjectMapper();
    private final int maxTags;
    private final int maxChars;

    public TagOutputParser(int maxTags, int maxChars) {
        if (maxTags < 1 || maxChars < 1) {
            throw new IllegalArgumentException("maxTags and maxChars must be >= 1, got " + maxTags + ", " + maxChars);
        }
        this.maxTags = maxTags;
        this.maxChars = maxChars;
    }

    /** The tags of the reply, in order, without duplicates; empty when the reply holds none. */
    public List<String> parse(String reply) {
        if (reply == null || reply.isBlank()) {
            return List.of();
        }
        List<String> fromJson = jsonList(reply);
        return cap(fromJson != null ? fromJson : plainText(stripFences(reply)));
    }

    // The first '[' to the last ']' is the list when the reply wraps it in prose or a code fence.
    private List<String> jsonList(String reply) {
        int start = reply.indexOf('[');
        int end = reply.lastIndexOf(']');
        if (start < 0 || end <= start) {
            return null;
        }
        JsonNode node;
        try {
            node = json.readTree(reply.substring(start, end + 1));
        } catch (IOException e) {
            return null;
        }
        if (!node.isArray()) {
            return null;
        }
        List<String> tags = new ArrayList<>();
        for (JsonNode item : node) {
            if (item.isTextual()) {
                tags.add(item.textValue());
            } else if (item.isObject() && item.path("tag").isTextual()) {
                tags.add(item.get("tag").textValue());
            }
        }
        return tags;
    }

    private static String stripFences(String reply) {
        return reply.replaceAll("```[a-zA-Z]*", "\n");
    }

    private static List<String> plainText(String reply) {
        List<String> tags = new ArrayList<>();
        for (String line : reply.split("\\R")) {
            String item = BULLET.matcher(line).replaceFirst("");
            if (item.strip().endsWith(":")) {
                continue; // a lead-in such as "Here are the tags:"
            }
            for (String part : item.split("[,;]")) {
                if (part.strip().split("\\s+").length <= 6) { // longer is a sentence of prose, not a tag
                    tags.add(part);
                }
            }
        }
        return tags;
    }

    private List<String> cap(List<String> raw) {
        Set<String> tags = new LinkedHashSet<>();
        for (String tag : raw) {
            String clean = QUOTES.matcher(tag).replaceAll("").strip();
            if (clean.isEmpty()) {
                continue;
            }
            tags.add(clean.length() > maxChars ? clean.substring(0, maxChars) : clean);
            if (tags.size() == maxTags) {
                break;
            }
        }
        return List.copyOf(tags);
    }
}
