package dev.tagrouter.scoring;

/** Whether a tag's score uses raw outcome counts (the paper) or counts divided by the tag's frequency. */
public enum ScoreNormalization {
    COUNTS, RATES
}
