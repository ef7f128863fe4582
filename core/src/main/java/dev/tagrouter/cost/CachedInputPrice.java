package dev.tagrouter.cost;

import dev.tagrouter.capability.ModelCapabilities;
import dev.tagrouter.table.ModelEntry;

import java.util.Optional;

/**
 * The price a pool model charges for input its prompt cache serves, in the routing table's prices. The table prices
 * a model its own way (its input price need not be the catalog's), so the catalog's discount carries over as a
 * ratio: {@code table input price * catalog cached price / catalog input price}. Unknown (no catalog entry, no
 * cached price, a free catalog input price) means no discount; a cached price above the input price is never charged
 * as a surcharge.
 */
public final class CachedInputPrice {

    private CachedInputPrice() {
    }

    /** USD per million cached input tokens, or null when the catalog gives no cached price for the model. */
    public static Double of(ModelEntry model, Optional<ModelCapabilities> catalog) {
        if (catalog.isEmpty()) {
            return null;
        }
        Double cached = catalog.get().cachedInputUsdPerMTok();
        Double input = catalog.get().inputUsdPerMTok();
        if (cached == null || input == null || !(input > 0) || !(cached >= 0)) {
            return null;
        }
        return model.inputUsdPerMTok() * Math.min(1, cached / input);
    }
}
