package dev.tagrouter.function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tagrouter.decisionlog.DecisionLogEntry;
import dev.tagrouter.routing.RouteDecision;
import dev.tagrouter.routing.RouteRequest;
import dev.tagrouter.routing.Router;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes one JSON line per decision to stdout or a file, when {@code tagrouter.decision-log.enabled} is set. Each line
 * is encoded on its own as escaped UTF-8 bytes and written with one call, so one odd string (a lone surrogate) cannot
 * break later writes and other output cannot split a line; a write that fails is counted and logged once per run of
 * failures, and never fails the route.
 */
@Startup // a sink that cannot be opened stops the start, rather than the first request
@ApplicationScoped
public class DecisionLogWriter implements DecisionObserver {

    private static final Logger LOG = Logger.getLogger(DecisionLogWriter.class);

    private final ObjectMapper mapper = new ObjectMapper();
    private final AtomicLong writeFailures = new AtomicLong();
    private boolean failing;

    @Inject
    TagrouterConfig config;

    @Inject
    Router router;

    @Inject
    Clock clock;

    @Inject
    ShadowTable shadow;

    private DecisionLogFile file;
    private boolean stdout;

    @PostConstruct
    void open() {
        TagrouterConfig.DecisionLog log = config.decisionLog();
        if (!log.enabled()) {
            return;
        }
        switch (log.sink()) {
            case "stdout" -> stdout = true;
            case "file" -> {
                Path path = Path.of(log.file().orElseThrow(() -> new IllegalArgumentException(
                        "tagrouter.decision-log.file must be set when tagrouter.decision-log.sink=file")));
                try {
                    file = new DecisionLogFile(path);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot open the decision log " + path, e);
                }
            }
            default -> throw new IllegalArgumentException("tagrouter.decision-log.sink must be stdout or file, got "
                    + log.sink());
        }
    }

    @Override
    public void onDecision(RouteRequest request, RouteDecision decision) {
        if (file == null && !stdout) {
            return;
        }
        byte[] line;
        try {
            DecisionLogEntry entry = DecisionLogEntry.of(request, decision, router.table().table().checksum(),
                    clock.instant(), config.decisionLog().includeQuery());
            if (shadow.router().isPresent()) {
                entry = withShadow(entry, request, decision);
            }
            line = encode(entry);
        } catch (JsonProcessingException | RuntimeException e) {
            failed("a decision could not be encoded for the decision log", e);
            return;
        }
        synchronized (this) {
            try {
                write(line);
                if (failing) {
                    failing = false;
                    LOG.info("the decision log is written again");
                }
            } catch (IOException | RuntimeException e) {
                failed("the decision log could not be written", e);
            }
        }
    }

    // After the answer is decided and from its own tags and costs: the shadow can only add to the log, and a shadow
    // that fails leaves the live entry whole rather than losing it.
    private DecisionLogEntry withShadow(DecisionLogEntry entry, RouteRequest request, RouteDecision decision) {
        try {
            return entry.withShadow(shadow.router().get().decide(request, decision));
        } catch (RuntimeException e) {
            LOG.debugf("the shadow table could not decide request %s: %s", decision.requestId(), e.getMessage());
            return entry;
        }
    }

    /** Decisions that could not be written to the log since the start. */
    public long writeFailures() {
        return writeFailures.get();
    }

    private synchronized void failed(String what, Exception e) {
        writeFailures.incrementAndGet();
        if (!failing) {
            failing = true;
            // Once per run of failures (a full disk fails every write): the metric counts them all.
            LOG.errorf("%s (%s: %s); further failures are counted in tagrouter_decision_log_write_failures_total"
                    + " until a write succeeds", what, e.getClass().getSimpleName(), e.getMessage());
        }
    }

    /** Whether the log is on: outcomes are refused when there is nowhere to write them. */
    public boolean enabled() {
        return file != null || stdout;
    }

    /**
     * Writes another record (an outcome) as one JSON line to the same sink, so that outcomes land where decisions do
     * (CloudWatch on Lambda, or the file). Throws when the line cannot be written, so the caller can say so.
     */
    public void writeLine(Object record) {
        if (!enabled()) {
            throw new IllegalStateException("the decision log is off");
        }
        try {
            write(encode(record));
        } catch (IOException e) {
            throw new UncheckedIOException("the decision log could not be written", e);
        }
    }

    // Jackson's UTF-8 generator escapes what UTF-8 cannot carry (lone surrogates) instead of failing.
    private byte[] encode(Object record) throws JsonProcessingException {
        byte[] json = mapper.writeValueAsBytes(record);
        byte[] line = Arrays.copyOf(json, json.length + 1);
        line[json.length] = '\n';
        return line;
    }

    private synchronized void write(byte[] line) throws IOException {
        if (file != null) {
            file.append(line);
        } else {
            // One write under the stream's lock: log records written to System.out cannot split the line.
            System.out.write(line, 0, line.length);
            System.out.flush();
        }
    }

    void close(@Observes ShutdownEvent event) throws IOException {
        if (file != null) {
            file.close();
        }
    }
}
