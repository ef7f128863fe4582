package dev.tagrouter.infra;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The HTTP function's code is the fast-jar tree plus an executable start script at its root. */
class QuarkusAppWithRunScriptTest {

    @Test
    void copiesTheAppTreeAndAddsAnExecutableRunScript(@TempDir Path temp) throws IOException {
        Path app = Files.createDirectories(temp.resolve("quarkus-app/lib/main"));
        Files.writeString(app.resolve("dep.jar"), "dep");
        Files.writeString(temp.resolve("quarkus-app/quarkus-run.jar"), "runner");
        Path out = Files.createDirectories(temp.resolve("out"));

        assertTrue(new QuarkusAppWithRunScript(temp.resolve("quarkus-app")).tryBundle(out.toString(), null));

        assertEquals("dep", Files.readString(out.resolve("lib/main/dep.jar")));
        assertEquals("runner", Files.readString(out.resolve("quarkus-run.jar")));
        Path script = out.resolve("run.sh");
        assertTrue(Files.isExecutable(script));
        assertTrue(Files.readString(script).startsWith("#!/bin/sh\n"));
        assertTrue(Files.readString(script).contains("exec java -jar \"$LAMBDA_TASK_ROOT/quarkus-run.jar\""));
    }
}
