package dev.tagrouter.scoring;

/** How much a tag's score counts, as a function of how often the tag was seen in training. */
public enum TagWeighting {
    /** Every tag weighs 1. */
    NONE,
    /** w_t = 1 - exp(-count_t / weightScale): rare tags count less, frequent ones saturate at 1. */
    SATURATING
}
