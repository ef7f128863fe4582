package dev.tagrouter.tagging;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Tags a query in a {@link TaggerMode}: the embedded rules alone, the remote tag generator aligned to the vocabulary
 * (method note, "Online" 1-2), or the union of both. Whenever the remote side cannot give a usable tag the rules
 * answer, and the result says why; a query is never left untagged because the remote side failed.
 */
public final class ModalTagger {

    private final Tagger rules;
    private final Optional<TagGenerator> remote;
    private final TagAligner aligner;
    private final TaggerMode defaultMode;

    public ModalTagger(Tagger rules, Optional<TagGenerator> remote, TagAligner aligner, TaggerMode defaultMode) {
        this.rules = rules;
        this.remote = remote;
        this.aligner = aligner;
        this.defaultMode = defaultMode;
    }

    /** A tagger that only has the given one; asking it for remote tags falls back with {@code not_configured}. */
    public static ModalTagger only(Tagger tagger) {
        return new ModalTagger(tagger, Optional.empty(), null, TaggerMode.RULES);
    }

    public TaggerMode defaultMode() {
        return defaultMode;
    }

    /** Tags the query in the given mode, or the default mode when it is null. */
    public Tagging tag(String query, TaggerMode mode) {
        TaggerMode effective = mode == null ? defaultMode : mode;
        if (effective == TaggerMode.RULES) {
            return new Tagging(rules.tag(query).tags(), rules.name(), List.of(), null);
        }
        if (remote.isEmpty()) {
            return fallback(query, FallbackReason.NOT_CONFIGURED, List.of());
        }
        TagAligner.Alignment aligned;
        try {
            aligned = aligner.align(remote.get().generate(query));
        } catch (TagGenerationException e) {
            return fallback(query, e.reason(), List.of());
        }
        if (aligned.tags().isEmpty()) {
            // Well-formed but useless: routing on no tag would send every such query to the default model.
            return fallback(query, FallbackReason.BAD_OUTPUT, aligned.unmatched());
        }
        if (effective == TaggerMode.REMOTE) {
            return new Tagging(aligned.tags(), TaggerMode.REMOTE.code(), aligned.unmatched(), null);
        }
        return new Tagging(union(aligned.tags(), rules.tag(query).tags()), TaggerMode.HYBRID.code(),
                aligned.unmatched(), null);
    }

    private Tagging fallback(String query, FallbackReason reason, List<String> unmatched) {
        return new Tagging(rules.tag(query).tags(), rules.name(), unmatched, reason);
    }

    // Remote tags first: the generator saw the whole query, the rules only its words.
    private static List<MatchedTag> union(List<MatchedTag> first, List<MatchedTag> second) {
        Set<String> seen = new LinkedHashSet<>();
        List<MatchedTag> all = new ArrayList<>();
        for (List<MatchedTag> part : List.of(first, second)) {
            for (MatchedTag tag : part) {
                if (seen.add(tag.tag())) {
                    all.add(tag);
                }
            }
        }
        return all;
    }
}
