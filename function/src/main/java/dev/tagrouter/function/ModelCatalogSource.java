package dev.tagrouter.function;

import dev.tagrouter.capability.ModelCatalog;
import dev.tagrouter.capability.ModelCatalogCodec;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds the model catalog extract: a configured file, or the one bundled in the artifact. */
final class ModelCatalogSource {

    static final String BUNDLED = "tagrouter/model-catalog.json";

    private ModelCatalogSource() {
    }

    static ModelCatalog load(Optional<String> path) {
        ModelCatalogCodec codec = new ModelCatalogCodec();
        try {
            if (path.isPresent()) {
                try (InputStream in = Files.newInputStream(Path.of(path.get()))) {
                    return codec.read(in);
                }
            }
            try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(BUNDLED)) {
                if (in == null) {
                    throw new IllegalArgumentException("the bundled model catalog classpath:" + BUNDLED
                            + " is missing from the artifact");
                }
                return codec.read(in);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the model catalog "
                    + path.orElse("classpath:" + BUNDLED) + " (tagrouter.gateway.catalog-path): " + e.getMessage(), e);
        }
    }
}
