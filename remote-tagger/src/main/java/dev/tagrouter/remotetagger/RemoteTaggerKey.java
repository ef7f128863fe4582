package dev.tagrouter.remotetagger;

import org.jboss.logging.Logger;

import java.util.Optional;

/**
 * The remote tagger's API key as the calls send it. A key set in the configuration is fixed; a key read from a Secrets
 * Manager secret can be read again, so that a function restored from a SnapStart snapshot uses the secret's current
 * value rather than the one captured at the snapshot (a rotated key, or another account's environment).
 */
public final class RemoteTaggerKey {

    private static final Logger LOG = Logger.getLogger(RemoteTaggerKey.class);

    private final Optional<String> secretId;
    private volatile Optional<String> key;

    private RemoteTaggerKey(Optional<String> key, Optional<String> secretId) {
        this.key = key;
        this.secretId = secretId;
    }

    /** A key given in the configuration (or none): never read again. */
    public static RemoteTaggerKey fixed(Optional<String> key) {
        return new RemoteTaggerKey(RemoteTaggerSettings.checkedApiKey(key), Optional.empty());
    }

    /** The key read from a Secrets Manager secret ({@link SecretsManagerApiKey#fetch}), to be read from it again. */
    public static RemoteTaggerKey fromSecret(String secretId, String value) {
        return new RemoteTaggerKey(RemoteTaggerSettings.checkedApiKey(Optional.of(value)), Optional.of(secretId));
    }

    /** The key now held, if any. */
    public Optional<String> key() {
        return key;
    }

    /** The Authorization header value, or null to send none. */
    public String authorization() {
        return key.map(k -> "Bearer " + k).orElse(null);
    }

    /**
     * Reads the secret again, if the key came from one. A failed read keeps the key held so far (the calls may still
     * succeed with it) and is logged without the value; returns whether the key was read.
     */
    public boolean reload() {
        if (secretId.isEmpty()) {
            return false;
        }
        try {
            key = RemoteTaggerSettings.checkedApiKey(Optional.of(SecretsManagerApiKey.fetch(secretId.get())));
            return true;
        } catch (RuntimeException e) {
            LOG.errorf("cannot read the remote tagger's API key again from secret %s (%s: %s): the key read before"
                    + " is kept", secretId.get(), e.getClass().getSimpleName(), e.getMessage());
            return false;
        }
    }
}
