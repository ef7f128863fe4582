package dev.tagrouter.tagging;

/** Turns a user's text into canonical tags of the routing vocabulary. */
public interface Tagger {

    /** The name reported in decisions, e.g. {@code rules} or {@code remote}. */
    String name();

    /** Tags the text; never returns null, returns an empty result when nothing matches. */
    TagResult tag(String text);
}
