package dev.tagrouter.http;

import dev.tagrouter.remotetagger.RemoteCallObserver;
import dev.tagrouter.tagging.FallbackReason;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.concurrent.TimeUnit;

/** Times every call to the remote tagger, labelled by outcome ({@code ok} or the fallback reason). */
@ApplicationScoped
public class RemoteTaggerMetrics implements RemoteCallObserver {

    @Inject
    MeterRegistry registry;

    @Override
    public void onRemoteCall(long micros, FallbackReason failure) {
        Timer.builder("tagrouter.remote.tagger.calls")
                .description("Calls to the remote tag generator, retry included")
                .tag("outcome", failure == null ? "ok" : failure.code())
                .publishPercentileHistogram()
                .register(registry).record(micros, TimeUnit.MICROSECONDS);
    }
}
