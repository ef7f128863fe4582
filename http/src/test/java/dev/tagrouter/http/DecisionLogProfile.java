package dev.tagrouter.http;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.nio.file.Path;
import java.util.Map;

/** The bundled table with the decision log written to a file. */
public class DecisionLogProfile implements QuarkusTestProfile {

    static final Path LOG = Path.of("target", "decision-log-test", "decisions.jsonl");

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "tagrouter.decision-log.enabled", "true",
                "tagrouter.decision-log.sink", "file",
                "tagrouter.decision-log.file", LOG.toString());
    }
}
