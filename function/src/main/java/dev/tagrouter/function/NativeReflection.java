package dev.tagrouter.function;

import dev.tagrouter.api.ErrorBody;
import dev.tagrouter.decisionlog.DecisionLogEntry;
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

/** Registers the core's JSON value types for reflection, which Jackson needs in a native image. */
@RegisterForReflection(targets = {RoutingTable.class, ModelEntry.class, TableTag.class, OutcomeCounts.class,
        ScoringParameters.class, TableProvenance.class, RouteDecision.class, DecisionTag.class, Reason.class,
        ErrorBody.class, DecisionLogEntry.class})
final class NativeReflection {
    private NativeReflection() {
    }
}
