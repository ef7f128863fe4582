package dev.tagrouter.evaluation;

import dev.tagrouter.scoring.ScoringParameters;
import dev.tagrouter.tagging.RuleTagger;
import dev.tagrouter.tagging.TagVocabulary;

/** Builds the default TagRouter variant of a run from the command line's settings. */
public final class VariantFactory {

    private VariantFactory() {
    }

    /** The product's configuration: rule tagger over the curated vocabulary, core's threshold rule. */
    public static Variant base(ScoringParameters scoring, int minTagCount, double maxTagShare, int maxTags) {
        CuratedTags tags = new CuratedTags(new RuleTagger(TagVocabulary.curated(), maxTags), CuratedTags.Mined.NONE,
                Ablations.MINED_MIN_COUNT, Ablations.MINED_PER_PROMPT);
        return new Variant("default", scoring, minTagCount, maxTagShare, new ThresholdRule(), tags);
    }
}
