package dev.tagrouter.promotion;

import dev.tagrouter.ope.EstimateReport;
import dev.tagrouter.ope.LogEvaluation;

import java.util.List;
import java.util.Locale;

/**
 * What {@code promote} found, as written to its JSON report and rendered as Markdown.
 *
 * @param live        the live table's version and checksum
 * @param candidate   the candidate table's version and checksum
 * @param costPreference the knob both tables were replayed at and the utility prices cost with
 * @param decisions   decisions read, with an outcome, replayable by both
 * @param estimates   per table, the estimators shown (SNIPW, DR, and SN-IntIPW over sessions when present)
 * @param differences candidate minus live: accept rate per estimator, cost per request and utility
 * @param gate        the rule's settings
 * @param verdict     promote, keep or not enough data
 * @param exitCode    the command's exit code
 * @param reason      why
 */
public record PromotionReport(Table live, Table candidate, double costPreference, Counts decisions,
                              List<Row> estimates, List<LogEvaluation.Difference> differences, PromotionGate gate,
                              PromotionGate.Verdict verdict, int exitCode, String reason) {

    /** A table's identity. */
    public record Table(String version, String checksum) {
    }

    /** How much of the log was usable. */
    public record Counts(long read, long withOutcome, long replayed, boolean sessions) {
    }

    /** One estimate of one table. */
    public record Row(String table, String estimator, double value, double ciLow, double ciHigh,
                      double effectiveSampleSize, String warning) {
        public static Row of(String table, EstimateReport r) {
            return new Row(table, r.estimator(), r.value(), r.ciLow(), r.ciHigh(), r.effectiveSampleSize(),
                    r.warning());
        }
    }

    public String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Promotion gate: ").append(verdict.name().toLowerCase(Locale.ROOT).replace('_', ' '))
                .append("\n\n").append(reason).append(".\n\n");
        md.append(String.format(Locale.ROOT, "Live table `%s` (%s), candidate `%s` (%s), both replayed at cost"
                        + " preference %s. Decisions: %d read, %d with an outcome, %d replayed by both%s.%n%n",
                live.version(), live.checksum(), candidate.version(), candidate.checksum(), costPreference,
                decisions.read(), decisions.withOutcome(), decisions.replayed(),
                decisions.sessions() ? " (sessions present: SN-IntIPW weighs the previous turn)" : ""));
        md.append("| table | estimate | value | 95% interval | effective sample | warning |\n|---|---|---|---|---|---|\n");
        for (Row r : estimates) {
            String number = r.estimator().contains("cost") ? "%.4g" : "%.4f"; // USD per request, or an accept rate
            md.append(String.format(Locale.ROOT, "| %s | %s | " + number + " | [" + number + ", " + number
                            + "] | %.1f | %s |%n", r.table(), r.estimator(), r.value(), r.ciLow(), r.ciHigh(),
                    r.effectiveSampleSize(), r.warning()));
        }
        md.append("\n| candidate - live | difference | paired 95% interval |\n|---|---|---|\n");
        for (LogEvaluation.Difference d : differences) {
            md.append(String.format(Locale.ROOT, "| %s | %+.6g | [%+.6g, %+.6g] |%n", d.estimator(), d.value(),
                    d.ciLow(), d.ciHigh()));
        }
        md.append(String.format(Locale.ROOT, "%nRule: %s estimator, margin %.4f, at least %d decisions and an"
                        + " effective sample of %.0f. Exit code %d.%n", gate.estimator(), gate.margin(),
                gate.minDecisions(), gate.minEffectiveSample(), exitCode));
        return md.toString();
    }
}
