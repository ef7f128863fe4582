import java.io.InputStream;
import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.zip.CRC32;

/**
 * One cold JVM taking the router's start-up steps one by one from a packaged app's jars: the rule tagger's
 * {@code rules.bin} (its bytes, its CRC-32, the decode, a second decode), the cl100k_base rank file (its bytes twice,
 * then the counter, then a second load), {@code new SecureRandom()}, and the model catalog precomputed and from JSON.
 * Prints wall ms, main-thread CPU ms and classes loaded per step (docs/performance.md, "The router's own start-up
 * work"). Compiled first, since the source launcher would warm the JVM with javac:
 *
 * <pre>
 * javac -d /tmp/probe scripts/parts-load-probe/StartStepsProbe.java
 * cd http/target/quarkus-app/lib/main &amp;&amp; java -cp /tmp/probe StartStepsProbe dev.tagrouter.tagrouter-core-*.jar \
 *     dev.tagrouter.tagrouter-function-*.jar com.fasterxml.jackson.core.jackson-*.jar
 * </pre>
 */
public class StartStepsProbe {
    static final ThreadMXBean T = ManagementFactory.getThreadMXBean();
    static final ClassLoadingMXBean C = ManagementFactory.getClassLoadingMXBean();
    static long[] last;
    static final StringBuilder OUT = new StringBuilder();

    public static void main(String[] args) throws Exception {
        URL[] urls = new URL[args.length];
        for (int i = 0; i < args.length; i++) urls[i] = Path.of(args[i]).toUri().toURL();
        ClassLoader cl = new URLClassLoader(urls, StartStepsProbe.class.getClassLoader());
        T.getCurrentThreadCpuTime();
        mark(null);
        byte[] rules = read(cl, "tagrouter/rules.bin");
        mark("rules.bin bytes (" + rules.length + ")");
        CRC32 crc = new CRC32(); crc.update(rules, 0, rules.length);
        mark("CRC32 over rules.bin");
        Class<?> codec = cl.loadClass("dev.tagrouter.tagging.PrecomputedRulesCodec");
        Object c = codec.getConstructor().newInstance();
        Method read = codec.getMethod("read", byte[].class, String.class);
        mark("codec class");
        Object compiled = read.invoke(c, rules, "probe");
        mark("PrecomputedRulesCodec.read");
        Class<?> tagger = cl.loadClass("dev.tagrouter.tagging.RuleTagger");
        Object rt = tagger.getConstructor(compiled.getClass(), int.class).newInstance(compiled, 8);
        mark("new RuleTagger");
        read.invoke(c, rules, "probe");
        mark("PrecomputedRulesCodec.read again");
        byte[] bpe = read(cl, "dev/tagrouter/cost/cl100k_base.bpe");
        mark("cl100k_base.bpe bytes (" + bpe.length + ")");
        byte[] bpe2 = read(cl, "dev/tagrouter/cost/cl100k_base.bpe");
        mark("cl100k_base.bpe bytes again");
        Class<?> enc = cl.loadClass("dev.tagrouter.cost.TokenEncoding");
        Object cl100k = enc.getField("CL100K_BASE").get(null);
        mark("TokenEncoding class init");
        Object counter = enc.getMethod("counter").invoke(cl100k);
        mark("CL100K_BASE.counter() (reads the .bpe again)");
        Method load = enc.getDeclaredMethod("load"); load.setAccessible(true);
        load.invoke(cl100k);
        mark("CL100K_BASE.load() again");
        SecureRandom r = new SecureRandom();
        long k = r.nextLong() ^ r.nextLong() ^ r.nextLong() ^ r.nextLong();
        mark("SecureRandom + 4 longs (" + r.getAlgorithm() + ")");
        Class<?> bp = cl.loadClass("dev.tagrouter.bundled.BundledParts");
        Object pre = bp.getMethod("catalog").invoke(null);
        mark("catalog precomputed (BundledParts.catalog)");
        Class<?> mc = cl.loadClass("dev.tagrouter.capability.ModelCatalogCodec");
        Object cat = mc.getMethod("read", InputStream.class).invoke(mc.getConstructor().newInstance(),
                cl.getResourceAsStream("tagrouter/model-catalog.json"));
        mark("catalog from JSON (Jackson)");
        System.out.print(OUT);
        if (rt == null || counter == null || bpe2 == null || k == 7 || cat == null || !pre.equals(cat)) throw new IllegalStateException();
    }

    static byte[] read(ClassLoader cl, String name) throws Exception {
        try (InputStream in = cl.getResourceAsStream(name)) { return in.readAllBytes(); }
    }

    static void mark(String what) {
        long[] now = {System.nanoTime(), T.getCurrentThreadCpuTime(), C.getTotalLoadedClassCount()};
        if (what != null) OUT.append(what).append(": ").append((now[0] - last[0]) / 100_000 / 10.0).append(" ms, cpu ")
                .append((now[1] - last[1]) / 100_000 / 10.0).append(" ms, classes ").append(now[2] - last[2]).append('\n');
        last = now;
    }
}
