package dev.tagrouter.capability;

/** Why a model cannot serve a request: the requirement it fails, as the model catalog describes it. */
public enum Unfitness {
    /** The input tokens (plus the requested output cap) exceed the model's context window. */
    CONTEXT_TOO_LONG,
    /** The requested output cap exceeds the most the model can write. */
    OUTPUT_TOO_LONG,
    /** The input carries an image and the model reads no images. */
    NEEDS_VISION,
    /** The input carries audio and the model hears none. */
    NEEDS_AUDIO,
    /** The input carries a file (PDF) and the model reads none. */
    NEEDS_FILES,
    /** The request offers tools and the model calls none. */
    NEEDS_TOOLS,
    /** The request asks for output following a JSON schema and the model cannot guarantee it. */
    NEEDS_STRUCTURED_OUTPUT
}
