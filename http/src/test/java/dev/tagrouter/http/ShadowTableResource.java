package dev.tagrouter.http;

import dev.tagrouter.table.DecisionSettings;
import dev.tagrouter.table.RoutingTable;
import dev.tagrouter.table.RoutingTableCodec;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The tiny table live ({@link TinyTableResource}) and, as the shadow table, the same table served at its
 * {@code balanced} preset by default: where a request sends no cost preference the live table picks {@code premium}
 * and the shadow the code specialist for code; where it sends {@code balanced} both decide alike.
 */
public class ShadowTableResource implements QuarkusTestResourceLifecycleManager {

    static final String SHADOW_VERSION = "tiny-test-balanced";

    private final TinyTableResource live = new TinyTableResource();
    private Path shadow;

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(live.start());
        try {
            RoutingTableCodec codec = new RoutingTableCodec();
            RoutingTable table = codec.read(Path.of(config.get("tagrouter.table.path")));
            DecisionSettings d = table.decision();
            shadow = Files.createTempFile("tiny-shadow-table", ".json");
            try (OutputStream out = Files.newOutputStream(shadow)) {
                codec.write(table.withVersion(SHADOW_VERSION)
                        .withDecision(d.withCurve(d.curve(), d.presets(), "balanced", d.curveFolds())), out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        config.put("tagrouter.shadow-table.path", shadow.toString());
        return config;
    }

    @Override
    public void stop() {
        live.stop();
        try {
            Files.deleteIfExists(shadow);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
