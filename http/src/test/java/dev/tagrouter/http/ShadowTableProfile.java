package dev.tagrouter.http;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The tiny table live, a shadow table beside it, exploration on and the decision log written to a file. */
public class ShadowTableProfile implements QuarkusTestProfile {

    static final Path LOG = Path.of("target", "shadow-table-test", "decisions.jsonl");

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(ShadowTableResource.class));
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "tagrouter.exploration.enabled", "true",
                "tagrouter.exploration.temperature", "0.05",
                "tagrouter.exploration.floor", "0.1",
                "tagrouter.decision-log.enabled", "true",
                "tagrouter.decision-log.sink", "file",
                "tagrouter.decision-log.file", LOG.toString());
    }
}
