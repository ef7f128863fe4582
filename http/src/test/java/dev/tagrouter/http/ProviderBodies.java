package dev.tagrouter.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Provider request bodies shaped like each provider's documented examples, from {@code src/test/resources/providers}.
 * A plain class: a Quarkus test class must not be loaded from another one.
 */
final class ProviderBodies {

    private ProviderBodies() {
    }

    static String read(String name) {
        try (InputStream in = ProviderBodies.class.getResourceAsStream("/providers/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no test body providers/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
