import dev.tagrouter.table.PrecomputedTableCodec;
import dev.tagrouter.table.RoutingTableCodec;
import dev.tagrouter.tagging.PrecomputedRulesCodec;
import dev.tagrouter.tagging.RuleTagger;
import dev.tagrouter.tagging.TagVocabulary;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One cold JVM loading the bundled table and the rule tagger the way start-up does, from text ("text": the JSON
 * table and the vocabulary) or from the build's precomputed forms ("precomputed"), then tagging one query: wall and
 * main-thread CPU time of each step. Thread CPU time is the steadier figure when other processes share the cores.
 *
 * <p>usage (after ./mvnw -B -o -pl function -am package -DskipTests; JACKSON = the three Jackson jars core uses;
 * compiled first, since the source launcher would warm the JVM with javac):
 * javac -d /tmp/probe -cp core/target/classes scripts/parts-load-probe/PartsLoadProbe.java
 * java -cp /tmp/probe:core/target/classes:JACKSON PartsLoadProbe function/target/classes text|precomputed
 */
public class PartsLoadProbe {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws Exception {
        Path classes = Path.of(args[0]);
        boolean text = args[1].equals("text");
        THREADS.getCurrentThreadCpuTime();
        long[] t0 = now();
        Object table = text ? new RoutingTableCodec().read(classes.resolve("tagrouter/table.json"))
                : new PrecomputedTableCodec().read(Files.readAllBytes(classes.resolve("tagrouter/table.bin")), "probe");
        long[] t1 = now();
        RuleTagger tagger = text ? new RuleTagger(TagVocabulary.curated(), RuleTagger.DEFAULT_MAX_TAGS)
                : new RuleTagger(new PrecomputedRulesCodec().read(Files.readAllBytes(classes.resolve("tagrouter/rules.bin")),
                "probe"), RuleTagger.DEFAULT_MAX_TAGS);
        long[] t2 = now();
        tagger.tag("Write a Python function that checks whether a string is a palindrome.");
        long[] t3 = now();
        System.out.printf("%s: table %s, tagger %s, first tag %s, sum %s (ms wall / ms CPU)%n", args[1], span(t0, t1),
                span(t1, t2), span(t2, t3), span(t0, t3));
        if (table == null) {
            throw new IllegalStateException();
        }
    }

    private static long[] now() {
        return new long[]{System.nanoTime(), THREADS.getCurrentThreadCpuTime()};
    }

    private static String span(long[] from, long[] to) {
        return String.format("%.1f / %.1f", (to[0] - from[0]) / 1e6, (to[1] - from[1]) / 1e6);
    }
}
