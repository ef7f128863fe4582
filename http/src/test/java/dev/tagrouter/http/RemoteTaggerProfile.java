package dev.tagrouter.http;

import dev.tagrouter.remotetagger.RemoteTaggerResource;
import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;

/** The service with its remote tagger on (mode remote) against a fake tag generator. */
public class RemoteTaggerProfile implements QuarkusTestProfile {
    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(RemoteTaggerResource.class));
    }
}
