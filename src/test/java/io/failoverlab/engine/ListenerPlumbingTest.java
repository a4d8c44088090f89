package io.failoverlab.engine;

import io.failoverlab.lab.ClusterSnapshot;
import io.failoverlab.lab.LabSpec;
import io.failoverlab.lab.LogLine;
import io.failoverlab.lab.StepResult;
import io.failoverlab.remote.LocalShell;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Whatever the engine wraps around its listener, every callback reaches it and it can be found. */
class ListenerPlumbingTest {
    static final class Recorder implements EngineListener {
        final List<String> calls = new ArrayList<>();
        public void log(LogLine line) { calls.add("log"); }
        public void stepStarted(String step) { calls.add("stepStarted"); }
        public void stepProgress(String step, double fraction, String text) { calls.add("stepProgress"); }
        public void stepProgress(String step, double fraction, io.failoverlab.lab.Msg text) { calls.add("stepProgressMsg"); }
        public void note(io.failoverlab.lab.Msg text) { calls.add("note"); }
        public void appLog(LogLine.Level level, io.failoverlab.lab.Msg text) { calls.add("appLog"); }
        public void stepFinished(StepResult result) { calls.add("stepFinished"); }
        public void snapshot(ClusterSnapshot snapshot) { calls.add("snapshot"); }
        public void figures(String step, Map<String, Double> figures, ClusterSnapshot finalState) { calls.add("figures"); }
        public void nodeEvent(String node, String what, java.time.Instant at) { calls.add("nodeEvent"); }
        public void nodeEvent(String node, io.failoverlab.lab.Msg what, java.time.Instant at) { calls.add("nodeEventMsg"); }
    }

    @Test
    void everyCallbackReachesTheListenerAndItCanBeFound() {
        Recorder r = new Recorder();
        try (LabEngine e = new LabEngine(LabSpec.localDefault(), h -> new LocalShell(), CompositeListener.of(EngineListener.NONE, r))) {
            EngineListener l = e.listener();
            l.log(LogLine.of("app", LogLine.Level.INFO, "x"));
            l.stepStarted("s");
            l.stepProgress("s", 0.5, "half");
            l.stepProgress("s", 0.5, io.failoverlab.lab.Msg.of("host.local"));
            l.note(io.failoverlab.lab.Msg.of("host.local"));
            l.appLog(LogLine.Level.ERROR, io.failoverlab.lab.Msg.of("host.local"));
            l.stepFinished(StepResult.passed("s", 1, "ok"));
            l.snapshot(ClusterSnapshot.unreachable("x"));
            l.figures("s", Map.of("a", 1.0), null);
            l.nodeEvent("node1", "fenced itself", java.time.Instant.now());
            l.nodeEvent("node1", io.failoverlab.lab.Msg.of("node.event.healed"), java.time.Instant.now());
            assertSame(r, CompositeListener.find(l, Recorder.class).orElseThrow());
        }
        long declared = 0;
        for (Method m : EngineListener.class.getDeclaredMethods()) if (m.isDefault()) declared++;
        assertEquals(declared, r.calls.size(), "one call per EngineListener method: " + r.calls);
        assertTrue(r.calls.containsAll(List.of("log", "stepStarted", "stepProgress", "stepProgressMsg", "note", "appLog", "stepFinished", "snapshot", "figures", "nodeEvent")));
        assertTrue(r.calls.contains("nodeEventMsg"), "a node event as data reaches the listener as data");
    }
}
