package dev.tagrouter.tagging;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The canonical tag vocabulary: tag names, categories, aliases and the rules relating tags.
 *
 * <p>The curated vocabulary is read from the resource {@code dev/tagrouter/tagging/vocabulary.txt},
 * whose format is documented at the top of that file. Instances are immutable and thread-safe.
 * Loading fails when a normalised alias (or tag name) belongs to two different tags.
 */
public final class TagVocabulary {

    static final String RESOURCE = "vocabulary.txt";

    private final List<CanonicalTag> tags;
    private final Map<String, CanonicalTag> byName;
    private final Map<String, TagRule> rules;
    // Computed when first asked for in a vocabulary read from its precomputed form: only remote-tag alignment uses it.
    private volatile Map<String, String> phraseIndex;

    private TagVocabulary(List<TagRule> ruleList, Map<String, String> phraseIndex) {
        Map<String, CanonicalTag> names = new LinkedHashMap<>();
        Map<String, TagRule> ruleMap = new LinkedHashMap<>();
        for (TagRule rule : ruleList) {
            List<String> aliases = new ArrayList<>(rule.strongAliases());
            aliases.addAll(rule.weakAliases());
            names.put(rule.name(), new CanonicalTag(rule.name(), rule.category(), aliases));
            if (ruleMap.put(rule.name(), rule) != null) {
                throw new IllegalArgumentException("duplicate tag " + rule.name());
            }
        }
        this.tags = List.copyOf(names.values());
        this.byName = Map.copyOf(names);
        this.rules = Map.copyOf(ruleMap);
        this.phraseIndex = phraseIndex;
    }

    /** Normalised alias or name to tag, refusing a phrase claimed by two tags. */
    private static Map<String, String> phraseIndexOf(List<TagRule> ruleList) {
        Map<String, String> index = new HashMap<>();
        for (TagRule rule : ruleList) {
            for (String alias : rule.strongAliases()) {
                register(index, TextNormalizer.normalize(alias), rule.name(), alias);
            }
            for (String alias : rule.weakAliases()) {
                register(index, TextNormalizer.normalize(alias), rule.name(), alias);
            }
        }
        // Names register last so that a name equal to its own alias is not a conflict.
        for (TagRule rule : ruleList) {
            String key = TextNormalizer.normalize(rule.name());
            String owner = index.get(key);
            if (owner == null) {
                index.put(key, rule.name());
            } else if (!owner.equals(rule.name())) {
                throw new IllegalArgumentException("tag name '" + rule.name() + "' is an alias of tag " + owner);
            }
        }
        return Map.copyOf(index);
    }

    /**
     * A vocabulary as {@link PrecomputedRulesCodec} read it: rules in file order, checked when the build parsed them;
     * the phrase index is made again from them when {@link #lookup} first needs it.
     */
    static TagVocabulary precomputed(List<TagRule> ruleList) {
        return new TagVocabulary(ruleList, null);
    }

    private static void register(Map<String, String> index, String key, String tag, String alias) {
        if (key.isEmpty()) {
            throw new IllegalArgumentException("alias '" + alias + "' of tag " + tag + " normalises to nothing");
        }
        String previous = index.putIfAbsent(key, tag);
        if (previous != null && !previous.equals(tag)) {
            throw new IllegalArgumentException("alias '" + alias + "' (normalised '" + key + "') belongs to both "
                    + previous + " and " + tag);
        }
    }

    /** The curated vocabulary shipped with tagrouter, loaded once. */
    public static TagVocabulary curated() {
        return Curated.INSTANCE;
    }

    /** Builds a vocabulary from lines in the documented format; throws IllegalArgumentException if invalid. */
    public static TagVocabulary parse(List<String> lines) {
        List<TagRule> rules = VocabularyParser.parse(lines);
        return new TagVocabulary(rules, phraseIndexOf(rules));
    }

    /** All tags, in file order. */
    public List<CanonicalTag> tags() {
        return tags;
    }

    public int size() {
        return tags.size();
    }

    /** The tag with this exact canonical name. */
    public Optional<CanonicalTag> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /**
     * The canonical tag whose name or alias normalises to the same text as {@code phrase}, e.g.
     * "Pandas DataFrame" gives {@code python}. Detector-only aliases (textmatch=no) are included,
     * so this is the exact-match step for aligning free-form tags.
     */
    public Optional<String> lookup(String phrase) {
        return Optional.ofNullable(phraseIndex().get(TextNormalizer.normalize(phrase)));
    }

    /** Normalised phrase to tag: what {@link #lookup} answers from. */
    Map<String, String> phraseIndex() {
        Map<String, String> index = phraseIndex;
        if (index == null) {
            index = phraseIndexOf(rules()); // the same map on every thread: racing to make it is harmless
            phraseIndex = index;
        }
        return index;
    }

    TagRule rule(String name) {
        return rules.get(name);
    }

    List<TagRule> rules() {
        return tags.stream().map(t -> rules.get(t.name())).toList();
    }

    private static final class Curated {
        static final TagVocabulary INSTANCE = load();

        private static TagVocabulary load() {
            return parse(ResourceLines.read(RESOURCE));
        }
    }

    /** Reads a UTF-8 resource that sits next to this class. */
    static final class ResourceLines {
        private ResourceLines() {
        }

        static List<String> read(String name) {
            try (InputStream in = TagVocabulary.class.getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource dev/tagrouter/tagging/" + name);
                }
                try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                    return reader.lines().toList();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
