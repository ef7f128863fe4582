package dev.tagrouter.bench;

import dev.tagrouter.table.CompiledTable;
import dev.tagrouter.cost.TokenEncoding;
import dev.tagrouter.routing.RouteDecision;
import dev.tagrouter.routing.RouteRequest;
import dev.tagrouter.routing.Router;
import dev.tagrouter.routing.RouterSettings;
import dev.tagrouter.table.RoutingTable;
import dev.tagrouter.table.RoutingTableCodec;
import dev.tagrouter.tagging.RuleTagger;
import dev.tagrouter.tagging.TagResult;
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

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The in-process hot path with the bundled table: the rule tagger alone, and the whole route (validate, tag,
 * tokenize, score, decide, price). Sample time mode, so JMH reports percentiles. Run from the repository root:
 * {@code java -jar bench/target/benchmarks.jar RouteBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RouteBenchmark {

    @Param({"chat", "code", "long", "multilingual"})
    public String query;

    private String text;
    private Router router;
    private RuleTagger tagger;
    private RouteRequest request;

    @Setup
    public void setUp() throws IOException {
        Path table = Path.of(System.getProperty("table", "function/src/main/resources/tagrouter/table.json"));
        RoutingTable routingTable = new RoutingTableCodec().read(table);
        tagger = RuleTagger.withCuratedVocabulary();
        router = new Router(CompiledTable.of(routingTable), tagger, TokenEncoding.CL100K_BASE.counter(),
                RouterSettings.DEFAULTS, System::nanoTime);
        text = Queries.of(query);
        request = RouteRequest.of(text);
    }

    @Benchmark
    public TagResult tag() {
        return tagger.tag(text);
    }

    @Benchmark
    public RouteDecision route() {
        return router.route(request);
    }
}
