package dev.tagrouter.tagging;

import java.util.Objects;

/**
 * What the rule tagger compiles from its text resources: the vocabulary with its phrase index, the alias matcher and
 * the stop-word languages. Compiling costs a vocabulary parse, thousands of alias normalisations and a trie build, so
 * the build does it once and ships the result ({@link PrecomputedRulesCodec}); a {@link RuleTagger} over it is cheap.
 * Immutable and thread-safe.
 */
public final class CompiledRules {

    private final TagVocabulary vocabulary;
    private final AliasMatcher aliases;
    private final LanguageGuesser languages;

    CompiledRules(TagVocabulary vocabulary, AliasMatcher aliases, LanguageGuesser languages) {
        this.vocabulary = Objects.requireNonNull(vocabulary, "vocabulary");
        this.aliases = Objects.requireNonNull(aliases, "aliases");
        this.languages = Objects.requireNonNull(languages, "languages");
    }

    /** Compiles the rules of a vocabulary (with the curated stop words) from text. */
    public static CompiledRules compile(TagVocabulary vocabulary) {
        return new CompiledRules(vocabulary, new AliasMatcher(vocabulary), LanguageGuesser.curated());
    }

    public TagVocabulary vocabulary() {
        return vocabulary;
    }

    AliasMatcher aliases() {
        return aliases;
    }

    LanguageGuesser languages() {
        return languages;
    }
}
