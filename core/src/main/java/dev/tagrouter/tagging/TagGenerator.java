package dev.tagrouter.tagging;

import java.util.List;

/**
 * A source of free-form tags for a query, typically an LLM tag generator behind an API. Implementations bound their
 * own latency and report every failure as a {@link TagGenerationException} with its reason, never by blocking.
 */
public interface TagGenerator {

    /** The raw tags of the query, as the generator wrote them (not yet aligned to the vocabulary). */
    List<String> generate(String query);
}
