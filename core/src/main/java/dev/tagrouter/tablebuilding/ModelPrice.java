package dev.tagrouter.tablebuilding;

/** List prices of a model in USD per million tokens, as found in {@code models.csv}. */
public record ModelPrice(String model, double inputUsdPerMTok, double outputUsdPerMTok) {
}
