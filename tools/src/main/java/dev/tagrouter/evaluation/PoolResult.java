package dev.tagrouter.evaluation;

import java.util.List;

/**
 * Everything measured for one pool and one TagRouter variant.
 *
 * @param data        the pool's ground truth
 * @param variant     the TagRouter configuration
 * @param cheapest    pool position of the cheapest model (lowest mean real cost over the pool's prompts)
 * @param strongest   pool position of the strongest model (highest accept rate over the pool's prompts)
 * @param folds       the folds
 * @param references  the two reference points on each fold
 * @param methods     oracle, single models (cheapest first), random, kNN, TagRouter; only TagRouter for ablations
 * @param knownTagShare share of held-out prompts with at least one tag known to their fold's table
 * @param seconds     wall time of this evaluation
 */
public record PoolResult(PoolData data, Variant variant, int cheapest, int strongest, List<Fold> folds,
                         List<Reference> references,
                         List<MethodCurves> methods, double knownTagShare, double seconds) {

    public MethodCurves method(MethodCurves.Kind kind) {
        return methods.stream().filter(m -> m.kind() == kind).reduce((a, b) -> b).orElseThrow();
    }

    public MethodCurves tagRouter() {
        return methods.get(methods.size() - 1);
    }

    /** The fold-averaged reference points. */
    public Reference averagedReference() {
        return MethodSummary.average(references);
    }
}
