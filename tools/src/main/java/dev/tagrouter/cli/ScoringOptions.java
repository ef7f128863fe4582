package dev.tagrouter.cli;

import dev.tagrouter.scoring.ScoreNormalization;
import dev.tagrouter.scoring.ScoringMethod;
import dev.tagrouter.scoring.ScoringParameters;
import dev.tagrouter.scoring.TagCombination;
import dev.tagrouter.scoring.TagWeighting;
import dev.tagrouter.table.DecisionRuleName;
import dev.tagrouter.tablebuilding.BuildOptions;
import picocli.CommandLine.Option;

/** The scoring and decision options that build-table and evaluate share; the defaults are the shipped settings. */
final class ScoringOptions {

    @Option(names = "--scoring", defaultValue = "CALIBRATED",
            description = "CALIBRATED (shrunk accept rates) or PAPER_SUM (the paper's summed scores) (default ${DEFAULT-VALUE})")
    ScoringMethod method;

    @Option(names = "--combination", defaultValue = "MEAN",
            description = "how calibrated tag rates combine: MEAN, SUM or LOG_ODDS (default ${DEFAULT-VALUE})")
    TagCombination combination;

    @Option(names = "--prior-strength", defaultValue = "cv",
            description = "pseudo-count of the shrinkage toward each model's overall rate, or 'cv' to choose it by "
                    + "cross-validated log-loss (default ${DEFAULT-VALUE})")
    String priorStrength;

    @Option(names = "--rule", defaultValue = "UTILITY",
            description = "decision rule: UTILITY or THRESHOLD (the paper's) (default ${DEFAULT-VALUE})")
    DecisionRuleName rule = BuildOptions.DEFAULT_RULE;

    @Option(names = "--s-win", defaultValue = "1", description = "paper sum: score of a win (default ${DEFAULT-VALUE})") double sWin;
    @Option(names = "--s-tie", defaultValue = "0.15", description = "paper sum: score of a tie (default ${DEFAULT-VALUE})") double sTie;
    @Option(names = "--s-loss", defaultValue = "-1", description = "paper sum: score of a loss (default ${DEFAULT-VALUE})") double sLoss;
    @Option(names = "--normalization", defaultValue = "COUNTS", description = "paper sum: COUNTS or RATES (default ${DEFAULT-VALUE})") ScoreNormalization normalization;
    @Option(names = "--weighting", defaultValue = "SATURATING", description = "paper sum: NONE or SATURATING (default ${DEFAULT-VALUE})") TagWeighting weighting;
    @Option(names = "--weight-scale", defaultValue = "1", description = "paper sum: count scale of the saturating weight (default ${DEFAULT-VALUE})") double weightScale;

    boolean choosePriorStrength() {
        return "cv".equalsIgnoreCase(priorStrength.strip());
    }

    ScoringParameters scoring() {
        double k = ScoringParameters.DEFAULT_PRIOR_STRENGTH;
        if (!choosePriorStrength()) {
            try {
                k = Double.parseDouble(priorStrength.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--prior-strength must be a number >= 0 or 'cv', got '"
                        + priorStrength + "'");
            }
        }
        return new ScoringParameters(method, k, combination, sWin, sTie, sLoss, normalization, weighting, weightScale);
    }
}
