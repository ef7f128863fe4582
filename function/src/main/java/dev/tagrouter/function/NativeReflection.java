package dev.tagrouter.function;

import dev.tagrouter.api.ErrorBody;
import dev.tagrouter.decision.Reason;
import dev.tagrouter.decisionlog.DecisionLogEntry;
import dev.tagrouter.routing.DecisionTag;
import dev.tagrouter.routing.RouteDecision;
import dev.tagrouter.scoring.ScoringParameters;
import dev.tagrouter.table.CurvePoint;
import dev.tagrouter.table.DecisionSettings;
import dev.tagrouter.table.ModelEntry;
import dev.tagrouter.table.OutcomeCounts;
import dev.tagrouter.table.Preset;
import dev.tagrouter.table.RoutingTable;
import dev.tagrouter.table.TableProvenance;
import dev.tagrouter.table.TableTag;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Registers for reflection what a native image cannot find on its own: the JSON value types Jackson reads and writes
 * (the remote tagger's are registered in its module).
 */
@RegisterForReflection(targets = {RoutingTable.class, ModelEntry.class, TableTag.class, OutcomeCounts.class,
        ScoringParameters.class, DecisionSettings.class, Preset.class, CurvePoint.class, TableProvenance.class,
        RouteDecision.class, dev.tagrouter.routing.RouteDecisionSerializer.class, DecisionTag.class, Reason.class, ErrorBody.class, DecisionLogEntry.class,
        dev.tagrouter.routing.RankedModel.class, dev.tagrouter.capability.UnfitModel.class,
        dev.tagrouter.routing.PromptCache.class, GatewayService.Reply.class})
final class NativeReflection {
    private NativeReflection() {
    }
}
