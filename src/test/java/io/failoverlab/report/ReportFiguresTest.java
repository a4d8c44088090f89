package io.failoverlab.report;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What the report measures from a journal: bring-up time for any node names, event times on a whole second. */
class ReportFiguresTest {
    @Test
    void timeToClusterCountsNodesWhateverTheirNames() {
        List<JournalEntry> j = new ArrayList<>();
        Instant t = Instant.parse("2026-12-03T10:00:00Z");
        j.add(new JournalEntry("session", t.toString(), null, null, null, null, null, null, null, null, null, null, null, null, null,
                Map.of("instances", List.of(Map.of("role", "monitor", "name", "monitor"),
                        Map.of("role", "node", "name", "alpha"), Map.of("role", "node", "name", "beta")))));
        int id = 1;
        for (String step : List.of("preflight", "install", "monitor", "alpha", "beta", "verify")) {
            j.add(JournalEntry.of(JournalEntry.Type.START, id, step).at(t));
            j.add(JournalEntry.of(JournalEntry.Type.END, id, step).at(t.plusSeconds(2)).result(true, 2.0, "ok"));
            id++;
            t = t.plusSeconds(2);
        }
        assertEquals(12.0, MeasuredFigures.collect(JournalModel.of(j)).get("timeToClusterSeconds"),
                "six steps of 2 s each, the two node steps included");
    }

    @Test
    void anEventOnAWholeSecondKeepsItsMilliseconds() {
        assertEquals("10:04:13.000", CheckpointSection.clock(Instant.parse("2026-12-03T10:04:13Z")));
        assertEquals("10:04:13.592", CheckpointSection.clock(Instant.parse("2026-12-03T10:04:13.592346Z")));
    }
}
