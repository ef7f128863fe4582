package dev.tagrouter.routing;

/** One entry of a decision's ranked list: a model to call, in order, with its estimated cost for this request. */
public record RankedModel(String model, double estimatedCostUsd) {
}
