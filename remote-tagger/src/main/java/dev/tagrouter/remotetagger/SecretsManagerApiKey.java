package dev.tagrouter.remotetagger;

import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.time.Duration;

/**
 * Reads the remote tagger's API key from AWS Secrets Manager, once, at start-up. Region, credentials and endpoint
 * come from the SDK's default chains (on Lambda: the function's region and role).
 */
public final class SecretsManagerApiKey {

    // Start-up waits for this at most; a Lambda init phase has 10 s in all.
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(3);

    private SecretsManagerApiKey() {
    }

    /** The secret's string value, trimmed; fails with the SDK's exception, which never holds the value. */
    public static String fetch(String secretId) {
        try (SecretsManagerClient client = SecretsManagerClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(ClientOverrideConfiguration.builder().apiCallTimeout(CALL_TIMEOUT).build())
                .build()) {
            String value = client.getSecretValue(request -> request.secretId(secretId)).secretString();
            if (value == null || value.isBlank()) {
                throw new IllegalStateException("secret " + secretId + " has no string value");
            }
            return value.strip();
        }
    }
}
