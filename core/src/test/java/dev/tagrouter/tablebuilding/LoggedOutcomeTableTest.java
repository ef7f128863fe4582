package dev.tagrouter.tablebuilding;

import dev.tagrouter.scoring.ScoringParameters;
import dev.tagrouter.table.CompiledTable;
import dev.tagrouter.table.DecisionRuleName;
import dev.tagrouter.table.DecisionSettings;
import dev.tagrouter.table.ModelEntry;
import dev.tagrouter.table.OutcomeCounts;
import dev.tagrouter.table.RoutingTable;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LoggedOutcomeTableTest {

    private static final RoutingTable BASE = new RoutingTable(RoutingTable.FORMAT, "base", null,
            ScoringParameters.CALIBRATED.withPriorStrength(4), DecisionSettings.bare(DecisionRuleName.UTILITY, 1e-3),
            null, List.of(new ModelEntry("cheap", 0.1, 0.1, 100, OutcomeCounts.ZERO),
            new ModelEntry("dear", 10, 30, 100, OutcomeCounts.ZERO)), List.of());

    @Test
    void eachCellIsTheSelfNormalisedIpwEstimateWithItsEffectiveSampleSize() {
        LoggedOutcomeTable log = new LoggedOutcomeTable(BASE);
        // "cheap" on tag math: chosen with probability 0.5 (accepted) and 0.1 (rejected): weights 2 and 10.
        log.add(List.of("math"), "cheap", 0.5, 1);
        log.add(List.of("math", "math"), "cheap", 0.1, 0);
        log.add(List.of("math"), "dear", 0.9, 1);
        log.add(List.of("poem"), "unknown-model", 0.5, 1);
        log.add(List.of("poem"), "dear", 0, 1);
        LoggedOutcomeTable.Cell cell = log.cellsByTag().get("math").get("cheap");
        assertEquals(2.0 / 12, cell.rate(), 1e-12);
        assertEquals(144.0 / 104, cell.effectiveSampleSize(), 1e-12);
        assertEquals(new OutcomeCounts(0, 0, 1), cell.effectiveCounts());
        assertEquals(3, log.decisions());
        assertEquals(2, log.skipped());

        RoutingTable table = log.build("v", BASE.scoring(), 1, 1.0, Map.of(), "rules");
        assertEquals(1, table.tags().size());
        assertEquals(3, table.tags().get(0).count());
        // The scorer shrinks the stored effective counts toward the overall rate like any counted outcomes.
        CompiledTable compiled = CompiledTable.of(table);
        double prior = (0 + 1.0) / (1 + 2.0); // cheap overall: effective counts 0 of 1
        assertEquals((0 + 4 * prior) / (1 + 4), compiled.score(0, compiled.knownTags(List.of("math"))), 1e-12);
    }

    @Test
    void aLogWithoutUsableDecisionsIsRefused() {
        LoggedOutcomeTable log = new LoggedOutcomeTable(BASE);
        log.add(List.of("math"), "nobody", 0.5, 1);
        assertThrows(DatasetException.class, () -> log.build("v", BASE.scoring(), 1, 1.0, Map.of(), "rules"));
    }
}
