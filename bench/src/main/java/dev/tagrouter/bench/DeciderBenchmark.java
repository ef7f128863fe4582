package dev.tagrouter.bench;

import dev.tagrouter.decision.Candidate;
import dev.tagrouter.decision.Choice;
import dev.tagrouter.decision.DecisionRule;
import dev.tagrouter.table.DecisionRuleName;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * A decision rule alone (utility or threshold) on pools of 2, 5 and 20 models with seeded random accept-rate
 * estimates and costs, at a cost preference of -0.1.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DeciderBenchmark {

    @Param({"2", "5", "20"})
    public int models;

    @Param({"UTILITY", "THRESHOLD"})
    public DecisionRuleName rule;

    private DecisionRule decider;
    private List<Candidate> candidates;

    @Setup
    public void setUp() {
        decider = DecisionRule.of(rule, 1e-3); // the utility rule's cost scale: the dearest cost drawn below
        SplittableRandom random = new SplittableRandom(7);
        candidates = new ArrayList<>();
        for (int i = 0; i < models; i++) {
            candidates.add(new Candidate("model-" + i, random.nextDouble(), random.nextDouble(1e-5, 1e-3)));
        }
        candidates.sort(DecisionRule.CHEAPEST_FIRST);
    }

    @Benchmark
    public Choice decide() {
        return decider.decide(candidates, -0.1);
    }
}
