package dev.tagrouter.tagging;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads the line format documented at the top of {@code vocabulary.txt} into tag rules. */
final class VocabularyParser {

    private static final Pattern NAME = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

    private VocabularyParser() {
    }

    /** Parses and validates all lines; throws {@link IllegalArgumentException} naming the bad line. */
    static List<TagRule> parse(List<String> lines) {
        Map<String, TagRule> rules = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                TagRule rule = parseLine(line);
                if (rules.putIfAbsent(rule.name(), rule) != null) {
                    throw new IllegalArgumentException("duplicate tag " + rule.name());
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("vocabulary line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        checkReferences(rules);
        return List.copyOf(rules.values());
    }

    private static TagRule parseLine(String line) {
        String[] fields = line.split("\\|", -1);
        if (fields.length < 3 || fields.length > 4) {
            throw new IllegalArgumentException("expected 3 or 4 '|' separated fields");
        }
        String name = fields[0].strip();
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("bad tag name '" + name + "'");
        }
        TagCategory category;
        try {
            category = TagCategory.valueOf(fields[1].strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown category '" + fields[1].strip() + "'");
        }
        List<String> strong = new ArrayList<>();
        List<String> weak = new ArrayList<>();
        for (String raw : fields[2].split(",")) {
            String alias = raw.strip();
            if (alias.isEmpty()) {
                continue;
            }
            if (alias.startsWith("?")) {
                weak.add(alias.substring(1).strip());
            } else {
                strong.add(alias);
            }
        }
        Map<String, String> options = fields.length == 4 ? parseOptions(fields[3]) : Map.of();
        Set<String> context = list(options.get("context"));
        if (!weak.isEmpty() && context.isEmpty()) {
            throw new IllegalArgumentException("weak aliases need a context= option");
        }
        List<Set<String>> when = new ArrayList<>();
        for (String combo : list(options.get("when"))) {
            when.add(new LinkedHashSet<>(List.of(combo.split("\\+"))));
        }
        String textMatch = options.getOrDefault("textmatch", "yes");
        if (!textMatch.equals("yes") && !textMatch.equals("no")) {
            throw new IllegalArgumentException("textmatch must be yes or no");
        }
        return new TagRule(name, category, strong, weak, list(options.get("implies")), context,
                list(options.get("unless")), when, textMatch.equals("yes"));
    }

    private static Map<String, String> parseOptions(String field) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String token : field.strip().split("\\s+")) {
            if (token.isEmpty()) {
                continue;
            }
            int eq = token.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("option '" + token + "' is not key=value");
            }
            String key = token.substring(0, eq);
            if (!Set.of("implies", "context", "unless", "when", "textmatch").contains(key)) {
                throw new IllegalArgumentException("unknown option '" + key + "'");
            }
            options.put(key, token.substring(eq + 1));
        }
        return options;
    }

    private static Set<String> list(String value) {
        Set<String> out = new LinkedHashSet<>();
        if (value != null) {
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.strip());
                }
            }
        }
        return out;
    }

    private static void checkReferences(Map<String, TagRule> rules) {
        for (TagRule rule : rules.values()) {
            List<String> referenced = new ArrayList<>();
            referenced.addAll(rule.implies());
            referenced.addAll(rule.context());
            referenced.addAll(rule.unless());
            rule.when().forEach(referenced::addAll);
            for (String ref : referenced) {
                if (!rules.containsKey(ref)) {
                    throw new IllegalArgumentException("tag " + rule.name() + " refers to unknown tag " + ref);
                }
            }
        }
    }
}
