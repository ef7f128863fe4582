package dev.tagrouter.http;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;

/** Runs the service on the tiny made-up table instead of the bundled one. */
public class TinyTableProfile implements QuarkusTestProfile {
    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(TinyTableResource.class));
    }
}
