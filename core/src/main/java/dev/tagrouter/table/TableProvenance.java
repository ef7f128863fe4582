package dev.tagrouter.table;

/**
 * Where a routing table came from, so that a decision can be traced back to data and settings.
 *
 * @param dataset        name of the preference dataset directory
 * @param prompts        number of training prompts
 * @param outcomeMapping how judgments became win/tie/loss, e.g. "preference, tie band 0.1"
 * @param referenceModel the model every candidate was judged against, if known
 * @param tagger         tagger used to tag the training prompts
 */
public record TableProvenance(String dataset, int prompts, String outcomeMapping, String referenceModel,
                              String tagger) {
}
