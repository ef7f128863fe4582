package dev.tagrouter.http;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/**
 * The bundled table with a catalog that knows cached-input prices: the bundled extract with Llama's and Qwen's cached
 * input at a quarter of their catalog input price (their models.dev entries give none) and Gemma still without one.
 */
public class CachedPricesProfile implements QuarkusTestProfile {

    static final String CATALOG = "src/test/resources/catalog-with-cache-prices.json";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("tagrouter.gateway.catalog-path", CATALOG);
    }
}
