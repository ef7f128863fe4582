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

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;

/** Writes one JSON line per decision to stdout or a file, when {@code tagrouter.decision-log.enabled} is set. */
@Startup // a sink that cannot be opened stops the start, rather than the first request
@ApplicationScoped
public class DecisionLogWriter implements DecisionObserver {

    private static final Logger LOG = Logger.getLogger(DecisionLogWriter.class);

    private final ObjectMapper mapper = new ObjectMapper();

    @Inject
    TagrouterConfig config;

    @Inject
    Router router;

    @Inject
    Clock clock;

    private Writer out;

    @PostConstruct
    void open() {
        TagrouterConfig.DecisionLog log = config.decisionLog();
        if (!log.enabled()) {
            return;
        }
        switch (log.sink()) {
            case "stdout" -> out = new OutputStreamWriter(System.out, StandardCharsets.UTF_8);
            case "file" -> {
                Path file = Path.of(log.file().orElseThrow(() -> new IllegalArgumentException(
                        "tagrouter.decision-log.file must be set when tagrouter.decision-log.sink=file")));
                try {
                    if (file.toAbsolutePath().getParent() != null) {
                        Files.createDirectories(file.toAbsolutePath().getParent());
                    }
                    out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                            StandardOpenOption.APPEND);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot open the decision log " + file, e);
                }
            }
            default -> throw new IllegalArgumentException("tagrouter.decision-log.sink must be stdout or file, got "
                    + log.sink());
        }
    }

    @Override
    public void onDecision(RouteRequest request, RouteDecision decision) {
        if (out == null) {
            return;
        }
        DecisionLogEntry entry = DecisionLogEntry.of(request, decision, router.table().table().checksum(),
                clock.instant(), config.decisionLog().includeQuery());
        try {
            String line = mapper.writeValueAsString(entry);
            synchronized (this) {
                out.write(line);
                out.write('\n');
                out.flush();
            }
        } catch (JsonProcessingException e) {
            LOG.error("a decision could not be written to the decision log", e);
        } catch (IOException e) {
            LOG.error("the decision log could not be written: " + e.getMessage());
        }
    }

    /** Whether the log is on: outcomes are refused when there is nowhere to write them. */
    public boolean enabled() {
        return out != null;
    }

    /**
     * Writes another record (an outcome) as one JSON line to the same sink, so that outcomes land where decisions do
     * (CloudWatch on Lambda, or the file). Throws when the line cannot be written, so the caller can say so.
     */
    public void writeLine(Object record) {
        if (out == null) {
            throw new IllegalStateException("the decision log is off");
        }
        try {
            String line = mapper.writeValueAsString(record);
            synchronized (this) {
                out.write(line);
                out.write('\n');
                out.flush();
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("the decision log could not be written", e);
        }
    }

    void close(@Observes ShutdownEvent event) throws IOException {
        if (out instanceof BufferedWriter) {
            out.close();
        }
    }
}
