package dev.tagrouter.capability;

import java.util.Map;
import java.util.Optional;

/**
 * The capabilities of the pool's models, extracted from a models.dev snapshot, with the snapshot it came from.
 * A model the catalog does not list is assumed able to serve every request.
 *
 * @param source         where the snapshot came from
 * @param snapshotCommit the snapshot's commit in the source repository
 * @param snapshotDate   the snapshot's date
 * @param models         capabilities by pool model name
 */
public record ModelCatalog(String source, String snapshotCommit, String snapshotDate,
                           Map<String, ModelCapabilities> models) {

    /** No catalog: every model is assumed able to serve every request. */
    public static final ModelCatalog EMPTY = new ModelCatalog("none", "", "", Map.of());

    public ModelCatalog {
        models = Map.copyOf(models);
    }

    public Optional<ModelCapabilities> of(String model) {
        return Optional.ofNullable(models.get(model));
    }
}
