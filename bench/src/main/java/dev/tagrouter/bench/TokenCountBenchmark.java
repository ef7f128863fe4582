package dev.tagrouter.bench;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import dev.tagrouter.cost.TokenCounter;
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

import java.util.concurrent.TimeUnit;

/**
 * Counting the tokens of a query: tagrouter's counter over precomputed ranks next to jtokkit, which it replaced on
 * the request path, in the same run. {@code java -jar bench/target/benchmarks.jar TokenCountBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TokenCountBenchmark {

    @Param({"chat", "code", "long", "multilingual"})
    public String query;

    @Param({"cl100k_base", "o200k_base"})
    public String encoding;

    private String text;
    private TokenCounter precomputed;
    private Encoding jtokkit;

    @Setup
    public void setUp() {
        text = Queries.of(query);
        precomputed = TokenCounter.forEncoding(encoding);
        jtokkit = Encodings.newLazyEncodingRegistry().getEncoding(encoding).orElseThrow();
        if (precomputed.count(text) != jtokkit.countTokensOrdinary(text)) {
            throw new IllegalStateException("the counters disagree on " + query);
        }
    }

    @Benchmark
    public int precomputed() {
        return precomputed.count(text);
    }

    @Benchmark
    public int jtokkit() {
        return jtokkit.countTokensOrdinary(text);
    }
}
