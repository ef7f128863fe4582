package dev.tagrouter.infra;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Tiny stand-ins for the other modules' build outputs, so the stack synthesises without building them. */
final class BuildOutputs {

    final Path jvmZip;
    final Path nativeZip;
    final Path quarkusApp;

    BuildOutputs(Path dir) throws IOException {
        jvmZip = zipWith(dir.resolve("function.zip"), "lib/placeholder.txt", "app.aot");
        nativeZip = zipWith(dir.resolve("function-native.zip"), "bootstrap");
        quarkusApp = Files.createDirectories(dir.resolve("quarkus-app/lib/main"));
        Files.writeString(quarkusApp.resolve("placeholder.jar"), "not a jar");
        Files.writeString(dir.resolve("quarkus-app/quarkus-run.jar"), "not a jar either");
    }

    /** Context pointing every asset at the stand-ins, plus the given overrides. */
    Map<String, Object> context(Map<String, ?> overrides) {
        Map<String, Object> context = new HashMap<>();
        context.put("jvmCodePath", jvmZip.toString());
        context.put("nativeCodePath", nativeZip.toString());
        context.put("httpAppDir", quarkusApp.getParent().toString());
        context.putAll(overrides);
        return context;
    }

    DeploymentSettings settings(Map<String, ?> overrides) {
        return DeploymentSettings.fromContext(context(overrides), Path.of(""));
    }

    private static Path zipWith(Path zip, String... entries) throws IOException {
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream zipOut = new ZipOutputStream(out)) {
            for (String entry : entries) {
                zipOut.putNextEntry(new ZipEntry(entry));
                zipOut.write("placeholder".getBytes(StandardCharsets.UTF_8));
                zipOut.closeEntry();
            }
        }
        return zip;
    }
}
