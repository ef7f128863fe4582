package dev.tagrouter.gateway;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads one provider's request body, unchanged, into what routing needs. */
public interface ProviderExtractor {

    /** Refuses only malformed bodies (a JSON error naming the field), never a field the provider accepts. */
    ProviderRequest extract(JsonNode body);
}
