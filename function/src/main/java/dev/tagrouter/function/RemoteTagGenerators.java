package dev.tagrouter.function;

import dev.tagrouter.tagging.TagGenerator;

import java.util.Optional;

/**
 * Makes the remote tag generator from {@code tagrouter.tagger.remote.*}: a bean of the remote-tagger module, so that
 * an artifact built without that module (the default Lambda function.zip) carries none of its libraries.
 */
public interface RemoteTagGenerators {

    /** The generator for a configured URL; empty when its API key cannot be read (the rules tag every query then). */
    Optional<TagGenerator> create(TagrouterConfig.Remote config);

    /** Reads the API key again where it came from a secret (after a SnapStart restore); whether a key was read. */
    boolean reloadKey();
}
