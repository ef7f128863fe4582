package dev.tagrouter.tagging;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Embedded tagger: vocabulary aliases found with an Aho-Corasick automaton over normalised text,
 * plus structural, script and language detectors; deterministic, no model and no network.
 *
 * <p>Each canonical tag appears at most once, with the first piece of original text that produced
 * it (or a signal description such as "2140 chars"). Tags are ordered by first appearance in the
 * text; whole-text signals (long-input, multiple-questions, script, language) follow all others.
 * When more tags than {@link #maxTags()} are found, tags are kept round-robin over the categories
 * TASK, DOMAIN, DIFFICULTY, FORMAT, LANGUAGE (each in order of appearance), so a long text keeps a
 * mix of what is asked, its subject and its difficulty rather than the first eight subjects.
 *
 * <p>Instances are immutable after construction and safe to share between threads.
 */
public final class RuleTagger implements Tagger {

    /** Cap used by {@link #withCuratedVocabulary()}. */
    public static final int DEFAULT_MAX_TAGS = 8;

    private final TagVocabulary vocabulary;
    private final int maxTags;
    private final AliasMatcher aliases;
    private final InputSignals signals;
    private final ScriptDetector scripts;
    private final LanguageGuesser languages;
    private final TagResolver resolver;
    private final TagCapper capper;

    /**
     * Compiles the matcher for a vocabulary.
     *
     * @param vocabulary tags and aliases to find; detector tags missing from it are simply not reported
     * @param maxTags    most tags returned per text, at least 1
     */
    public RuleTagger(TagVocabulary vocabulary, int maxTags) {
        this(CompiledRules.compile(Objects.requireNonNull(vocabulary, "vocabulary")), maxTags);
    }

    /**
     * A tagger over rules compiled before, e.g. at build time; costs no more than a few small objects.
     *
     * @param rules   the compiled vocabulary, aliases and stop words
     * @param maxTags most tags returned per text, at least 1
     */
    public RuleTagger(CompiledRules rules, int maxTags) {
        if (maxTags < 1) {
            throw new IllegalArgumentException("maxTags must be at least 1, got " + maxTags);
        }
        this.vocabulary = rules.vocabulary();
        this.maxTags = maxTags;
        this.aliases = rules.aliases();
        this.signals = new InputSignals();
        this.scripts = new ScriptDetector();
        this.languages = rules.languages();
        this.resolver = new TagResolver(vocabulary);
        this.capper = new TagCapper(vocabulary);
    }

    /** A tagger over the curated vocabulary with at most {@value #DEFAULT_MAX_TAGS} tags per text. */
    public static RuleTagger withCuratedVocabulary() {
        return new RuleTagger(TagVocabulary.curated(), DEFAULT_MAX_TAGS);
    }

    public TagVocabulary vocabulary() {
        return vocabulary;
    }

    public int maxTags() {
        return maxTags;
    }

    @Override
    public String name() {
        return "rules";
    }

    @Override
    public TagResult tag(String text) {
        if (text == null || text.isEmpty()) {
            return TagResult.empty();
        }
        NormalizedText words = TextNormalizer.tokenize(text);
        List<Hit> hits = new ArrayList<>(aliases.find(words, text));
        hits.addAll(signals.find(text, words));
        // Whole-text signals sort after every position inside the text.
        int tail = text.length();
        hits.addAll(signals.findWholeText(text, tail));
        ScriptProfile profile = scripts.profile(text);
        List<Script> present = profile.present();
        int position = tail + 2;
        for (Script script : present) {
            hits.add(Hit.described(script.tag(), profile.count(script) + " letters", position++));
        }
        hits.addAll(languages.guess(text, profile, present, position));
        List<Hit> resolved = capper.cap(resolver.resolve(hits), maxTags);
        List<MatchedTag> tags = new ArrayList<>(resolved.size());
        for (Hit hit : resolved) {
            tags.add(new MatchedTag(hit.tag(), hit.match(), hit.described()));
        }
        return new TagResult(tags);
    }
}
