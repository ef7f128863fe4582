package dev.tagrouter.evaluation;

import dev.tagrouter.tagging.TagResult;

import java.util.Map;

/** The tags of every prompt as seen by one fold (a tagger may learn from the fold's training prompts). */
interface TagSource {

    /** Short name for the report and the table's provenance. */
    String name();

    /** Prompt id to tags, for the training and the held-out prompts of this fold. */
    Map<String, TagResult> tags(PoolData data, Fold fold);
}
