package dev.tagrouter.evaluation;

import dev.tagrouter.table.OutcomeCounts;
import dev.tagrouter.table.RoutingTable;
import dev.tagrouter.table.TableTag;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Draws the report's PNG figures with XChart: the AR-vs-cost curves of a pool and its per-tag heat map. */
public final class PlotWriter {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    /** Cost axis unit: USD per 1,000 prompts reads better than fractions of a cent. */
    static final double PER_THOUSAND = 1000;

    public void curves(PoolResult result, Path file) throws IOException {
        XYChart chart = new XYChartBuilder().width(900).height(600)
                .title("Accept rate vs cost, pool " + result.data().pool().name() + " (fold-averaged, "
                        + result.references().size() + "-fold CV)")
                .xAxisTitle("mean cost, USD per 1,000 prompts").yAxisTitle("accept rate (win or tie)").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
        chart.getStyler().setMarkerSize(9);
        for (MethodCurves m : result.methods()) {
            List<OperatingPoint> pts = m.averaged();
            double[] x = pts.stream().mapToDouble(p -> p.meanCostUsd() * PER_THOUSAND).toArray();
            double[] y = pts.stream().mapToDouble(OperatingPoint::acceptRate).toArray();
            XYSeries s = chart.addSeries(m.name(), x, y);
            switch (m.kind()) {
                case ORACLE -> {
                    s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                    s.setMarker(SeriesMarkers.DIAMOND);
                    s.setMarkerColor(Color.BLACK);
                }
                case SINGLE -> {
                    s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                    s.setMarker(SeriesMarkers.SQUARE);
                }
                case RANDOM -> {
                    s.setMarker(SeriesMarkers.NONE);
                    s.setLineColor(Color.GRAY);
                    s.setLineStyle(new java.awt.BasicStroke(2f, java.awt.BasicStroke.CAP_BUTT,
                            java.awt.BasicStroke.JOIN_MITER, 10f, new float[]{6f, 6f}, 0f));
                }
                case SWEEP, KNN -> {
                    s.setMarker(SeriesMarkers.NONE);
                    s.setLineWidth(2.5f);
                    if (m.name().equals("tagrouter")) {
                        s.setLineColor(new Color(200, 40, 40));
                    } else {
                        s.setLineColor(new Color(40, 90, 200));
                    }
                }
            }
        }
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    /**
     * Heat map of the most frequent tags of a table (rows) by model (columns): the model's accept rate on prompts
     * with the tag minus its accept rate over all prompts, in percentage points; what a tag's scores are made of.
     */
    public void heatMap(RoutingTable table, String poolName, int topTags, Path file) throws IOException {
        List<TableTag> tags = new ArrayList<>(table.tags());
        tags.sort(Comparator.comparingInt(TableTag::count).reversed().thenComparing(TableTag::name));
        tags = tags.subList(0, Math.min(topTags, tags.size()));
        List<String> models = table.models().stream().map(m -> shortName(m.name())).toList();
        List<String> rows = tags.stream().map(t -> t.name() + " (" + t.count() + ")").toList();
        List<Number[]> cells = new ArrayList<>();
        for (int m = 0; m < table.models().size(); m++) {
            double overall = table.models().get(m).overall().acceptRate();
            for (int t = 0; t < tags.size(); t++) {
                OutcomeCounts c = tags.get(t).outcomes().getOrDefault(table.models().get(m).name(),
                        OutcomeCounts.ZERO);
                double delta = c.total() == 0 ? 0 : 100 * (c.acceptRate() - overall);
                cells.add(new Number[]{m, t, Math.round(delta * 10) / 10.0});
            }
        }
        HeatMapChart chart = new HeatMapChartBuilder().width(320 + 150 * models.size()).height(140 + 26 * rows.size())
                .title("Pool " + poolName + ": accept rate on tag minus overall, pp (top " + rows.size() + " tags)")
                .build();
        chart.getStyler().setShowValue(true);
        chart.getStyler().setPlotContentSize(1);
        chart.getStyler().setRangeColors(new Color[]{new Color(200, 60, 60), Color.WHITE, new Color(40, 140, 60)});
        double max = cells.stream().mapToDouble(c -> Math.abs(c[2].doubleValue())).max().orElse(1);
        chart.getStyler().setMin(-Math.max(max, 1));
        chart.getStyler().setMax(Math.max(max, 1));
        chart.addSeries("delta", models, rows, cells);
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    private static String shortName(String model) {
        // Pool members often share a family prefix and an "-Instruct" suffix; the rest tells them apart.
        String s = model.replaceFirst("^FuseChat-", "").replaceFirst("-Instruct(-v[0-9.]+)?", "");
        return s.length() <= 18 ? s : s.substring(0, 17) + "~";
    }
}
