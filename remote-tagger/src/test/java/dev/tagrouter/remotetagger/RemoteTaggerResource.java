package dev.tagrouter.remotetagger;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Starts a fake tag generator and points the router's remote tagger at it; tests get it in a field of its type.
 * Init arguments are extra configuration, overriding the defaults below.
 */
public class RemoteTaggerResource implements QuarkusTestResourceLifecycleManager {

    public static final String API_KEY = "sk-test-not-a-real-key";
    public static final long TIMEOUT_MILLIS = 300;
    public static final long BREAKER_DELAY_MILLIS = 400;
    public static final int BREAKER_VOLUME = 4;

    private FakeChatCompletionsServer server;
    private Map<String, String> overrides = Map.of();

    @Override
    public void init(Map<String, String> initArgs) {
        overrides = Map.copyOf(initArgs);
    }

    @Override
    public Map<String, String> start() {
        try {
            server = new FakeChatCompletionsServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> config = new HashMap<>(Map.of(
                "tagrouter.tagger.mode", "remote",
                "tagrouter.tagger.remote.url", server.baseUrl(),
                "tagrouter.tagger.remote.api-key", API_KEY,
                "tagrouter.tagger.remote.timeout", TIMEOUT_MILLIS + "ms",
                "tagrouter.tagger.remote.circuit-breaker.request-volume", String.valueOf(BREAKER_VOLUME),
                "tagrouter.tagger.remote.circuit-breaker.failure-ratio", "1.0",
                "tagrouter.tagger.remote.circuit-breaker.delay", BREAKER_DELAY_MILLIS + "ms"));
        config.putAll(overrides);
        return config;
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(server, new TestInjector.MatchesType(FakeChatCompletionsServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
        }
    }
}
