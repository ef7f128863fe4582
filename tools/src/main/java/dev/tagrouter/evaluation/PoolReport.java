package dev.tagrouter.evaluation;

import java.util.List;

/**
 * A pool's part of the report: the main evaluation, its repetitions with other seeds, the ablations (empty when
 * skipped), the machine-readable summary and the figure files.
 *
 * @param main            default variant with every baseline, first seed
 * @param seeds           the main evaluation once per seed, the first seed's first
 * @param ablations       one result per ablation row, the default first
 * @param ablationSeconds wall time of the ablations
 * @param summary         intervals and headline numbers over every seed
 * @param curvesPng       file name of the AR-vs-cost plot
 * @param heatMapPng      file name of the per-tag heat map
 */
public record PoolReport(PoolResult main, List<PoolResult> seeds, List<PoolResult> ablations, double ablationSeconds,
                         PoolSummary summary, String curvesPng, String heatMapPng) {
}
