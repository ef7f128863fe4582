package dev.tagrouter.function;

import dev.tagrouter.api.ErrorBody;
import dev.tagrouter.decisionlog.DecisionLogEntry;
import dev.tagrouter.remotetagger.ChatCompletionRequest;
import dev.tagrouter.routing.DecisionTag;
import dev.tagrouter.routing.ModelEntry;
import dev.tagrouter.routing.OutcomeCounts;
import dev.tagrouter.routing.Reason;
import dev.tagrouter.routing.RouteDecision;
import dev.tagrouter.routing.RoutingTable;
import dev.tagrouter.routing.ScoringParameters;
import dev.tagrouter.routing.TableProvenance;
import dev.tagrouter.routing.TableTag;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Registers for reflection what a native image cannot find on its own: the JSON value types Jackson reads and
 * writes, and the Caffeine classes the remote tagger's cache (maximum size, expire after write) is built from by name.
 */
@RegisterForReflection(targets = {RoutingTable.class, ModelEntry.class, TableTag.class, OutcomeCounts.class,
        ScoringParameters.class, TableProvenance.class, RouteDecision.class, DecisionTag.class, Reason.class,
        ErrorBody.class, DecisionLogEntry.class, ChatCompletionRequest.class, ChatCompletionRequest.Message.class},
        classNames = {"com.github.benmanes.caffeine.cache.SSMSW", "com.github.benmanes.caffeine.cache.PSWMS"})
final class NativeReflection {
    private NativeReflection() {
    }
}
