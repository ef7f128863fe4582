package dev.tagrouter.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tagrouter.function.TaggerFactory;
import dev.tagrouter.function.TagrouterConfig;
import dev.tagrouter.function.UnobservedRouting;
import dev.tagrouter.tagging.TaggerMode;
import io.quarkus.funqy.lambda.FunqyLambdaBindingRecorder;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.jboss.logging.Logger;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The function's SnapStart runtime hooks (CRaC). Before the snapshot: routes {@link PrimingEvent#ALL} through the
 * Funqy Lambda handler, the path every event takes, unobserved. After a restore: reads again what must not come
 * from the snapshot (the remote tagger's API key, when it comes from a secret).
 *
 * <p>Needs {@code quarkus.snapstart.full-warmup=true} (set in application.properties): Quarkus then starts the
 * application, and this bean, in the init phase, so that the router is in the snapshot and the hook is registered
 * before it. Request ids and exploration draws need nothing here: they are made per event, from
 * {@code java.security.SecureRandom}, which Lambda keeps unique across restores.
 */
@Startup
@Singleton
public class SnapStartHooks implements Resource {

    private static final Logger LOG = Logger.getLogger(SnapStartHooks.class);

    /** What one priming did: the model each event was routed to, and the events left out. */
    public record Priming(List<String> routed, List<String> skipped, long millis) {
    }

    /** What one restore did. */
    public record Restore(boolean remoteKeyReloaded) {
    }

    private volatile Priming lastPriming;
    private volatile Restore lastRestore;

    @Inject
    SnapStartSettings settings;

    @Inject
    TagrouterConfig config;

    @Inject
    TaggerFactory taggers;

    @Inject
    UnobservedRouting unobserved;

    @PostConstruct
    void register() {
        // The global context holds resources weakly; this bean is a singleton, so it lives as long as the app.
        Core.getGlobalContext().register(this);
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        if (settings.prime()) {
            lastPriming = prime();
        }
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        lastRestore = restore();
    }

    /** The last priming before a checkpoint, if any ran: the log line's content, for tests and diagnostics. */
    public Optional<Priming> lastPriming() {
        return Optional.ofNullable(lastPriming);
    }

    /** The last restore, if any (public: lambda-remote's tests read it from this module's jar). */
    public Optional<Restore> lastRestore() {
        return Optional.ofNullable(lastRestore);
    }

    // A failing event is logged and skipped: priming only saves time, it must never fail the snapshot.
    private Priming prime() {
        long start = System.nanoTime();
        boolean remoteTags = taggers.remoteConfigured()
                && TaggerMode.of(config.tagger().mode()).orElse(TaggerMode.RULES) != TaggerMode.RULES;
        // Made here, not per instance: a cold start without SnapStart never primes and should not pay for it.
        ObjectMapper json = new ObjectMapper();
        List<String> routed = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (PrimingEvent event : PrimingEvent.ALL) {
            if (event.gateway() && remoteTags) {
                skipped.add(event.name());
                continue;
            }
            try {
                routed.add(event.name() + " -> " + unobserved.run(() -> invoke(event, json)));
            } catch (RuntimeException e) {
                LOG.warnf("SnapStart priming: the %s event failed (%s: %s)", event.name(),
                        e.getClass().getSimpleName(), e.getMessage());
                skipped.add(event.name());
            }
        }
        Priming priming = new Priming(List.copyOf(routed), List.copyOf(skipped),
                (System.nanoTime() - start) / 1_000_000);
        LOG.infof("SnapStart priming: routed %s in %d ms%s", priming.routed(), priming.millis(),
                skipped.isEmpty() ? "" : "; not primed: " + skipped);
        return priming;
    }

    // What is per environment; the class comment says what needs nothing.
    private Restore restore() {
        Restore restore = new Restore(taggers.reloadRemoteKey());
        LOG.infof("restored from a SnapStart snapshot: remote tagger key read again: %s", restore.remoteKeyReloaded());
        return restore;
    }

    // The model the event was routed to, read from the handler's own output.
    private static String invoke(PrimingEvent event, ObjectMapper json) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            FunqyLambdaBindingRecorder.handle(new ByteArrayInputStream(event.json().getBytes(StandardCharsets.UTF_8)),
                    out, new PrimingContext());
            JsonNode answer = json.readTree(out.toByteArray());
            return (event.gateway() ? answer.path("body") : answer).path("model").asText();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the answer: " + e.getMessage(), e);
        }
    }
}
