package dev.tagrouter.lambda.remote;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The packaged function.zip of this module is the lambda module's function plus the remote tagger and its client. */
class RemoteFunctionIT {

    @Test
    void theZipCarriesTheLambdaFunctionAndTheRemoteTagger() throws IOException {
        List<String> jars;
        try (ZipFile zip = new ZipFile(Path.of("target", "function.zip").toFile())) {
            jars = Collections.list(zip.entries()).stream().map(ZipEntry::getName)
                    .filter(name -> name.startsWith("lib/") && name.endsWith(".jar")).toList();
        }
        for (String prefix : List.of("lib/dev.tagrouter.tagrouter-lambda-", "lib/dev.tagrouter.tagrouter-remote-tagger-",
                "lib/io.quarkus.quarkus-vertx-", "lib/software.amazon.awssdk.secretsmanager-",
                "lib/com.github.ben-manes.caffeine.caffeine-", "lib/io.quarkus.quarkus-smallrye-fault-tolerance-")) {
            assertTrue(jars.stream().anyMatch(jar -> jar.startsWith(prefix)), prefix + " in " + jars);
        }
    }
}
