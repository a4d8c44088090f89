package io.failoverlab.ui.session;

import io.failoverlab.lab.ClusterSnapshot;
import io.failoverlab.lab.StepIds;
import io.failoverlab.ops.OperationResult;
import io.failoverlab.ui.Snapshots;
import io.failoverlab.ui.timeline.TimelineModel;
import io.failoverlab.ui.topology.TopologyModel.MonitorMark;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The monitor's box says lost, back and replaced, and the timeline keeps the spans it was down; no toolkit, no cluster. */
class MonitorMarksTest {
    static final Instant T0 = Instant.parse("2025-01-01T10:00:00Z");

    static ClusterSnapshot down(Instant at) {
        return new ClusterSnapshot(at, false, "Connection refused", List.of());
    }

    @Test
    void theMonitorIsLostThenBackThenReplaced() {
        LiveModels live = new LiveModels(LiveViewModelTest.lab(), Runnable::run, Runnable::run);
        live.apply(down(T0));
        assertEquals(MonitorMark.NONE, live.topologyProperty().get().monitor(), "a monitor never seen is not 'lost'");
        live.apply(Snapshots.stable(T0.plusSeconds(1)));
        assertEquals(MonitorMark.NONE, live.topologyProperty().get().monitor());
        live.apply(down(T0.plusSeconds(5)));
        assertEquals(MonitorMark.LOST, live.topologyProperty().get().monitor());
        assertFalse(live.topologyProperty().get().monitorUp());
        live.apply(down(T0.plusSeconds(6)));
        assertEquals(MonitorMark.LOST, live.topologyProperty().get().monitor());
        live.apply(Snapshots.stable(T0.plusSeconds(20)));
        assertEquals(MonitorMark.BACK, live.topologyProperty().get().monitor());
        assertTrue(live.topologyProperty().get().monitorUp());
        live.apply(Snapshots.stable(T0.plusSeconds(21)));
        assertEquals(MonitorMark.BACK, live.topologyProperty().get().monitor(), "back stays said until something else happens");
        live.actionEnded(OperationResult.ok(StepIds.REPLACE_MONITOR, 12, "replaced", Map.of(), null));
        assertEquals(MonitorMark.REPLACED, live.topologyProperty().get().monitor());
        live.apply(Snapshots.stable(T0.plusSeconds(40)));
        assertEquals(MonitorMark.REPLACED, live.topologyProperty().get().monitor());
        live.apply(down(T0.plusSeconds(50)));
        assertEquals(MonitorMark.LOST, live.topologyProperty().get().monitor());
    }

    @Test
    void aFailedReplacementDoesNotMarkTheMonitorReplaced() {
        LiveModels live = new LiveModels(LiveViewModelTest.lab(), Runnable::run, Runnable::run);
        live.apply(Snapshots.stable(T0));
        live.actionEnded(OperationResult.failed(StepIds.REPLACE_MONITOR, 3, "no primary", null));
        assertEquals(MonitorMark.NONE, live.topologyProperty().get().monitor());
    }

    @Test
    void theTimelineKeepsTheSpansTheMonitorWasDown() {
        TimelineModel t = new TimelineModel();
        t.apply(down(T0));
        assertTrue(t.monitorGaps().isEmpty(), "nothing to show before the monitor was ever seen");
        t.apply(Snapshots.stable(T0.plusSeconds(1)));
        t.apply(down(T0.plusSeconds(10)));
        t.apply(down(T0.plusSeconds(11)));
        assertEquals(1, t.monitorGaps().size());
        assertTrue(t.monitorGaps().get(0).open());
        t.apply(Snapshots.stable(T0.plusSeconds(30)));
        assertEquals(new TimelineModel.MonitorGap(T0.plusSeconds(10), T0.plusSeconds(30)), t.monitorGaps().get(0));
        t.apply(down(T0.plusSeconds(40)));
        assertEquals(2, t.monitorGaps().size());
        assertEquals(T0.plusSeconds(1), t.first());
    }
}
