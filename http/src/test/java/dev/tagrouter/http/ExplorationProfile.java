package dev.tagrouter.http;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.nio.file.Path;
import java.util.Map;

/** The tiny table, with exploration on and the decision log written to a file. */
public class ExplorationProfile extends TinyTableProfile {

    static final Path LOG = Path.of("target", "exploration-test", "decisions.jsonl");

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "tagrouter.exploration.enabled", "true",
                "tagrouter.exploration.temperature", "0.05",
                "tagrouter.exploration.floor", "0.2",
                "tagrouter.decision-log.enabled", "true",
                "tagrouter.decision-log.sink", "file",
                "tagrouter.decision-log.file", LOG.toString());
    }
}
