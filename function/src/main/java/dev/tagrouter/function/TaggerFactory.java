package dev.tagrouter.function;

import dev.tagrouter.tagging.ModalTagger;
import dev.tagrouter.tagging.TagAligner;
import dev.tagrouter.tagging.TagGenerator;
import dev.tagrouter.tagging.TagVocabulary;
import dev.tagrouter.tagging.Tagger;
import dev.tagrouter.tagging.TaggerMode;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.util.Optional;

/** Builds the router's tagger from configuration: the embedded rules, plus the remote tag generator when a URL is set. */
@Singleton
public class TaggerFactory {

    private static final Logger LOG = Logger.getLogger(TaggerFactory.class);

    /** Why an artifact without the remote-tagger module (the default Lambda function.zip) refuses a configured URL. */
    public static final String WITHOUT_REMOTE_TAGGER = "tagrouter.tagger.remote.url is set but this artifact has no"
            + " remote tagger (lambda/target/function.zip leaves it out): deploy lambda-remote/target/function.zip"
            + " instead, or unset the URL";

    // An Instance, resolved only when a URL is set: without one the remote tagger's bean and everything it holds are
    // never created; in an artifact built without the remote-tagger module there is no such bean at all.
    @Inject
    Instance<RemoteTagGenerators> remoteTaggers;

    private boolean remoteConfigured;

    ModalTagger create(TagrouterConfig.Tagger config, Tagger rules) {
        TaggerMode mode = TaggerMode.of(config.mode()).orElseThrow(() -> new IllegalArgumentException(
                "tagrouter.tagger.mode must be one of " + TaggerMode.codes() + ", got '" + config.mode() + "'"));
        remoteConfigured = config.remote().url().isPresent();
        if (remoteConfigured && remoteTaggers.isUnsatisfied()) {
            throw new IllegalArgumentException(WITHOUT_REMOTE_TAGGER);
        }
        Optional<TagGenerator> remote = remoteConfigured
                ? remoteTaggers.get().create(config.remote()) : Optional.empty();
        if (!remoteConfigured && mode != TaggerMode.RULES) {
            LOG.warnf("tagrouter.tagger.mode is %s but tagrouter.tagger.remote.url is not set: every query is tagged"
                    + " by the rules, with fallbackReason not_configured", mode.code());
        }
        // The aligner's trigram index is only worth building when there is something to align.
        TagAligner aligner = remote.isPresent()
                ? new TagAligner(TagVocabulary.curated(), config.alignmentThreshold()) : null;
        return new ModalTagger(rules, remote, aligner, mode);
    }

    /** Whether a remote tagger URL is configured (whether or not its key could be read). */
    public boolean remoteConfigured() {
        return remoteConfigured;
    }

    /** Reads the remote tagger's API key again where it came from a secret; see {@link RemoteTagGenerators#reloadKey}. */
    public boolean reloadRemoteKey() {
        return remoteConfigured && remoteTaggers.get().reloadKey();
    }
}
