package dev.tagrouter.bench;

import dev.tagrouter.decision.TagDecider;
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

/** The theta rule alone on pools of 2, 5 and 20 models with seeded random scores and costs. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DeciderBenchmark {

    @Param({"2", "5", "20"})
    public int models;

    private final TagDecider decider = new TagDecider();
    private List<TagDecider.Candidate> candidates;

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(7);
        candidates = new ArrayList<>();
        for (int i = 0; i < models; i++) {
            candidates.add(new TagDecider.Candidate("model-" + i, random.nextDouble(-3, 3), random.nextDouble(1e-5, 1e-3)));
        }
    }

    @Benchmark
    public TagDecider.Choice decide() {
        return decider.decide(candidates, -0.3);
    }
}
