package dev.tagrouter.cli;

import dev.tagrouter.ope.InterferenceExperiment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** Runs the off-policy evaluation simulator over beta and degree and writes the bias/RMSE table. */
@Command(name = "ope-experiment", mixinStandardHelpOptions = true,
        description = "Bias and RMSE of IPW, SNIPW, DM, DR, IntIPW and joint weighting on simulated interference.")
final class OpeExperimentCommand implements Callable<Integer> {

    @Option(names = "--betas", split = ",", defaultValue = "0,1,2", description = "interference strengths")
    double[] betas;

    @Option(names = "--degrees", split = ",", defaultValue = "2,5,10", description = "average numbers of neighbours")
    double[] degrees;

    @Option(names = "--units", split = ",", defaultValue = "500", description = "log sizes (several show how bias scales)")
    int[] units;

    @Option(names = "--replications", defaultValue = "200")
    int replications;

    @Option(names = "--seed", defaultValue = "1")
    long seed;

    @Option(names = "--out", description = "Markdown file for the table (default: print only)")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        List<InterferenceExperiment.Row> rows = new ArrayList<>();
        for (int n : units) {
            rows.addAll(new InterferenceExperiment().run(betas, degrees, n, replications, seed));
        }
        String table = InterferenceExperiment.markdown(rows);
        spec.commandLine().getOut().print(table);
        spec.commandLine().getOut().flush();
        if (out != null) {
            Files.writeString(out, table);
        }
        return 0;
    }
}
