package dev.tagrouter.function;

import dev.tagrouter.bundled.BundledParts;
import dev.tagrouter.capability.ModelCatalog;
import dev.tagrouter.capability.ModelCatalogCodec;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the model catalog extract: a configured file, read from JSON with its format check, or the one bundled in the
 * artifact, which the build has already read and precomputed ({@link BundledParts}), so start-up needs no Jackson.
 */
final class ModelCatalogSource {

    private ModelCatalogSource() {
    }

    static ModelCatalog load(Optional<String> path) {
        if (path.isEmpty()) {
            try {
                return BundledParts.catalog();
            } catch (IllegalStateException e) {
                throw new IllegalArgumentException("cannot read the model catalog classpath:" + BundledParts.CATALOG
                        + ": " + e.getMessage(), e);
            }
        }
        try (InputStream in = Files.newInputStream(Path.of(path.get()))) {
            return new ModelCatalogCodec().read(in);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the model catalog " + path.get()
                    + " (tagrouter.gateway.catalog-path): " + e.getMessage(), e);
        }
    }

    /** Where {@link #load} takes the catalog from, for the start-up log. */
    static String origin(Optional<String> path) {
        return path.map(p -> "from JSON file " + p).orElse("precomputed at build time");
    }
}
