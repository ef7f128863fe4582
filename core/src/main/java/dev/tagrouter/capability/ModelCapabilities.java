package dev.tagrouter.capability;

import java.util.Objects;
import java.util.Set;

/**
 * What one pool model can take, from the model catalog: its context window, longest answer, input kinds, tool calling,
 * structured output, list prices and the tokenizer its input is counted with.
 *
 * @param catalogId             the catalog entry it was taken from ({@code provider/model})
 * @param contextWindow         most tokens of input plus output; 0 when the catalog does not say
 * @param maxOutputTokens       most output tokens; 0 when the catalog does not say
 * @param inputModalities       {@code text}, {@code image}, {@code audio}, {@code video}, {@code pdf}
 * @param attachments           whether the model takes file attachments
 * @param toolCall              whether the model calls tools
 * @param structuredOutput      whether the model follows a JSON schema; null when the catalog does not say
 * @param inputUsdPerMTok       list price of input; null when unknown
 * @param outputUsdPerMTok      list price of output; null when unknown
 * @param cachedInputUsdPerMTok price of cached input; null when the provider has no cache price
 * @param encoding              the jtokkit encoding of the model's tokenizer ({@code o200k_base}, {@code cl100k_base});
 *                              null when jtokkit has none and input is estimated with the router's counter
 */
public record ModelCapabilities(String catalogId, int contextWindow, int maxOutputTokens, Set<String> inputModalities,
                                boolean attachments, boolean toolCall, Boolean structuredOutput,
                                Double inputUsdPerMTok, Double outputUsdPerMTok, Double cachedInputUsdPerMTok,
                                String encoding) {

    public ModelCapabilities {
        Objects.requireNonNull(catalogId, "catalogId");
        inputModalities = Set.copyOf(inputModalities);
        if (contextWindow < 0 || maxOutputTokens < 0) {
            throw new IllegalArgumentException(catalogId + ": contextWindow and maxOutputTokens must be >= 0");
        }
    }

    /** The first requirement this model misses, or null when it can serve the request. */
    public UnfitModel unfitFor(String model, Requirements needs, int inputTokens) {
        if (needs.vision() && !inputModalities.contains("image")) {
            return new UnfitModel(model, Unfitness.NEEDS_VISION, model + " (" + catalogId + ") reads no images.");
        }
        if (needs.audio() && !inputModalities.contains("audio")) {
            return new UnfitModel(model, Unfitness.NEEDS_AUDIO, model + " (" + catalogId + ") takes no audio input.");
        }
        if (needs.files() && !inputModalities.contains("pdf") && !attachments) {
            return new UnfitModel(model, Unfitness.NEEDS_FILES, model + " (" + catalogId + ") reads no files.");
        }
        if (needs.tools() && !toolCall) {
            return new UnfitModel(model, Unfitness.NEEDS_TOOLS, model + " (" + catalogId + ") does not call tools.");
        }
        if (needs.structuredOutput() && Boolean.FALSE.equals(structuredOutput)) {
            return new UnfitModel(model, Unfitness.NEEDS_STRUCTURED_OUTPUT, model + " (" + catalogId
                    + ") does not support JSON-schema output.");
        }
        Integer cap = needs.maxOutputTokens();
        if (cap != null && maxOutputTokens > 0 && cap > maxOutputTokens) {
            return new UnfitModel(model, Unfitness.OUTPUT_TOO_LONG, "The request allows " + cap
                    + " output tokens; " + model + " writes at most " + maxOutputTokens + ".");
        }
        long needed = (long) inputTokens + (cap == null ? 0 : cap);
        if (contextWindow > 0 && needed > contextWindow) {
            return new UnfitModel(model, Unfitness.CONTEXT_TOO_LONG, "The request needs " + needed + " tokens ("
                    + inputTokens + " input" + (cap == null ? "" : " + " + cap + " output") + "); " + model
                    + "'s context window is " + contextWindow + ".");
        }
        return null;
    }
}
