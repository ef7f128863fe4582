package dev.tagrouter.http;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmHeapPressureMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.quarkus.micrometer.runtime.binder.JVMInfoBinder;
import io.quarkus.micrometer.runtime.binder.netty.NettyMetricsProvider;
import io.quarkus.micrometer.runtime.binder.netty.VertxNettyAllocatorMetricsProvider;
import io.quarkus.micrometer.runtime.binder.netty.VertxNettyEventExecutorMetricsProvider;
import io.quarkus.runtime.ImageMode;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;

/**
 * Binds the JVM, system and Netty meters that Quarkus would bind while the service starts when the metrics are first
 * read instead, so that a cold start does not pay for them before its first answer.
 *
 * <p>Quarkus binds them on the main thread before the first request (about 180 ms of a 2.5 s start on 2 cores,
 * issue 14) and only lets them be switched off at build time, which application.properties does. The set bound here
 * is the one Quarkus 3.34 binds with its defaults ({@code MicrometerRecorder.configureRegistry}, the Netty binder's
 * providers), so the first scrape shows the same {@code jvm_*}, {@code process_*}, {@code system_*} and
 * {@code netty_*} series. One difference: counters fed by events (GC pauses, allocated bytes) count from the first
 * scrape, not from the start of the process.
 */
@ApplicationScoped
public class DeferredMeterBinders {

    private static final Logger LOG = Logger.getLogger(DeferredMeterBinders.class);

    @Inject
    MeterRegistry registry;

    @Inject
    Vertx vertx;

    @ConfigProperty(name = "quarkus.http.root-path", defaultValue = "/")
    String rootPath;

    @ConfigProperty(name = "quarkus.http.non-application-root-path", defaultValue = "q")
    String nonApplicationRootPath;

    @ConfigProperty(name = "quarkus.micrometer.export.prometheus.path", defaultValue = "metrics")
    String prometheusPath;

    @ConfigProperty(name = "quarkus.management.enabled", defaultValue = "false")
    boolean managementInterface;

    private final List<AutoCloseable> toClose = new ArrayList<>();
    private boolean bound;

    // With a management interface the metrics are served by its own router, which is not watched here: bind at start.
    void onStart(@Observes StartupEvent start) {
        if (managementInterface) {
            bindOnce();
        }
    }

    void install(@Observes Router router) {
        // Ahead of the Prometheus handler, on a worker thread: binding reads the JVM's management beans (about 100 ms
        // once), which must not stall an event loop.
        router.route(metricsPath(rootPath, nonApplicationRootPath, prometheusPath)).order(Integer.MIN_VALUE)
                .blockingHandler(ctx -> {
                    bindOnce();
                    ctx.next();
                });
    }

    synchronized void bindOnce() {
        if (bound) {
            return;
        }
        bound = true;
        long start = System.nanoTime();
        List<MeterBinder> binders = new ArrayList<>(List.of(new ClassLoaderMetrics(), new JvmHeapPressureMetrics(),
                new JvmMemoryMetrics(), new JvmThreadMetrics(), new JVMInfoBinder(),
                new UptimeMetrics(), new ProcessorMetrics(), new FileDescriptorMetrics()));
        // As Quarkus: GC notifications exist only on the JVM.
        if (ImageMode.current() == ImageMode.JVM) {
            binders.add(new JvmGcMetrics());
        }
        NettyMetricsProvider netty = new NettyMetricsProvider();
        VertxNettyAllocatorMetricsProvider vertxAllocators = new VertxNettyAllocatorMetricsProvider();
        VertxNettyEventExecutorMetricsProvider vertxLoops = new VertxNettyEventExecutorMetricsProvider();
        binders.addAll(List.of(netty.pooledByteBufAllocatorMetrics(), netty.unpooledByteBufAllocatorMetrics(),
                vertxAllocators.vertxPooledByteBufAllocatorMetrics(),
                vertxAllocators.vertxUnpooledByteBufAllocatorMetrics(),
                vertxLoops.vertxEventLoopGroupMetrics(vertx), vertxLoops.vertxAcceptorEventLoopGroupMetrics(vertx)));
        for (MeterBinder binder : binders) {
            binder.bindTo(registry);
            if (binder instanceof AutoCloseable closeable) {
                toClose.add(closeable);
            }
        }
        LOG.debugf("JVM, system and Netty meters bound on the first scrape in %d ms",
                (System.nanoTime() - start) / 1_000_000);
    }

    @PreDestroy
    synchronized void close() {
        for (AutoCloseable closeable : toClose) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.debug("closing a JVM meter binder failed", e);
            }
        }
        toClose.clear();
    }

    /**
     * Where the Prometheus endpoint is served, by Quarkus' rules: a relative metrics path sits under the
     * non-application root, which sits under the HTTP root path unless it is absolute itself.
     */
    static String metricsPath(String rootPath, String nonApplicationRootPath, String prometheusPath) {
        if (prometheusPath.startsWith("/")) {
            return prometheusPath;
        }
        String base = nonApplicationRootPath.startsWith("/") ? nonApplicationRootPath
                : join(rootPath, nonApplicationRootPath);
        return join(base, prometheusPath);
    }

    private static String join(String parent, String child) {
        String head = parent.endsWith("/") ? parent.substring(0, parent.length() - 1) : parent;
        return (head.isEmpty() || head.startsWith("/") ? head : "/" + head) + "/" + child;
    }
}
