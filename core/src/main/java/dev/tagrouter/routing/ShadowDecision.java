package dev.tagrouter.routing;

import java.util.Map;

/**
 * What a shadow (candidate) table would have served for a request the live table answered; logged, never served.
 *
 * @param model         the model the shadow table's policy drew, or null when no eligible model is in its pool
 * @param probability   the probability it was drawn with (1 unless exploration is on)
 * @param probabilities every eligible model the shadow table knows to its probability, cheapest first
 * @param tableVersion  the shadow table's version
 * @param tableChecksum the shadow table's checksum
 */
public record ShadowDecision(String model, double probability, Map<String, Double> probabilities,
                             String tableVersion, String tableChecksum) {
}
