package dev.tagrouter.bench;

import dev.tagrouter.tagging.TagAligner;
import dev.tagrouter.tagging.TagVocabulary;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Aligning one free-form tag: an exact alias, a longer phrase holding an alias, and a miss that scans every n-gram. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AlignmentBenchmark {

    @Param({"Legal Advice", "Python programming tips", "xylophone restoration"})
    public String tag;

    private final TagAligner aligner = new TagAligner(TagVocabulary.curated(), 0.7);

    @Benchmark
    public Optional<String> align() {
        return aligner.canonical(tag);
    }
}
