package dev.tagrouter.evaluation;

import java.util.List;

/**
 * A pool's part of the report: the main evaluation, the ablations (empty when skipped) and the figure files.
 *
 * @param main            default variant with every baseline
 * @param ablations       one result per ablation row, the default first
 * @param ablationSeconds wall time of the ablations
 * @param curvesPng       file name of the AR-vs-cost plot
 * @param heatMapPng      file name of the per-tag heat map
 */
public record PoolReport(PoolResult main, List<PoolResult> ablations, double ablationSeconds, String curvesPng,
                         String heatMapPng) {
}
