package io.failoverlab.ops;

import io.failoverlab.check.NodeRole;
import io.failoverlab.check.WriteProbe;
import io.failoverlab.engine.LabEngine;
import io.failoverlab.lab.ClusterSnapshot;
import io.failoverlab.lab.Msg;
import io.failoverlab.lab.NodeState;
import io.failoverlab.lab.NodeStatus;
import io.failoverlab.lab.StepResult;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The monitor comes back after a fault that happened while it was down (FaultWithoutMonitor):
 * it catches up with what the nodes did meanwhile and now makes the decision it could not make —
 * fails a lost primary over, or moves a primary whose synchronous standby is gone to wait_primary
 * so that commits go on. Measured from the moment its keeper is started.
 */
final class MonitorBack {
    private final LabEngine engine;
    private final Duration bound;
    private final List<NodeRole> before;

    MonitorBack(LabEngine engine, Duration bound, List<NodeRole> before) {
        this.engine = engine;
        this.bound = bound;
        this.before = before;
    }

    /** Something happened to the nodes while the monitor was down: a node is silent, no primary, or commits wait. */
    static boolean faultWhileDown(List<NodeRole> roles) {
        Optional<NodeRole> p = NodesWithoutMonitor.primary(roles);
        return roles.stream().anyMatch(r -> !r.answers()) || p.isEmpty() || p.get().commitsWait();
    }

    OperationResult run(String name) throws Exception {
        Optional<NodeRole> primary = NodesWithoutMonitor.primary(before);
        NodesWithoutMonitor nodes = new NodesWithoutMonitor(engine);
        // commits waiting on the primary: a probe running from now on shows when they go on again
        WriteProbe waiting = primary.isPresent() ? nodes.probe(primary.get()) : null;
        try {
            if (waiting != null) waiting.start();
            long t0 = System.nanoTime();
            Instant startedAt = Instant.now();
            engine.startKeeper(engine.spec().monitor);
            try (OpSession s = OpSession.whenReachable(engine, bound, Msg.of("wait.monitorAnswers"))) {
                double reachable = StepResult.secondsSince(t0);
                Map<String, Double> f = new LinkedHashMap<>();
                f.put("reachableSeconds", reachable);
                if (primary.isEmpty()) return failedOver(name, s, t0, f);
                String p = primary.get().node().name();
                // the monitor sees the silent standby and moves the primary to wait_primary (or the standby is back)
                ClusterSnapshot end = s.await(x -> x.node(p).map(n -> n.reportedState().writable() && !n.inTransition()).orElse(false)
                        && (x.node(p).get().reportedState() == NodeState.WAIT_PRIMARY || x.converged()), bound, Msg.of("wait.writesAgain", p));
                f.put("settledSeconds", StepResult.secondsSince(t0));
                double resumed = NodesWithoutMonitor.ackAfter(waiting, startedAt, bound);
                f.put("writesResumedSeconds", resumed);
                f.put("writesBlockedSeconds", waiting.stats().longestGap().toMillis() / 1000.0);
                waiting.stop();
                String state = end.node(p).map(n -> n.reportedState().id()).orElse("?");
                return OperationResult.ok(name, StepResult.secondsSince(t0), Msg.of("op.back.writesAgain", reachable, p, state, resumed), f, end);
            }
        } finally {
            if (waiting != null) waiting.close();
        }
    }

    /** No primary while the monitor was down: it now fails over; measured until a write is acknowledged on the new primary. */
    private OperationResult failedOver(String name, OpSession s, long t0, Map<String, Double> f) throws Exception {
        List<String> silent = before.stream().filter(r -> !r.answers()).map(r -> r.node().name()).toList();
        // a writable node counts once its keeper reported to the monitor after it was started (older rows are from before)
        ClusterSnapshot end = s.await(x -> x.nodes().stream().anyMatch(n -> n.reportedState().writable() && !n.inTransition()
                && n.reportLagSeconds() >= 0 && n.reportLagSeconds() < StepResult.secondsSince(t0)), bound, Msg.of("wait.takeOver"));
        double promoted = StepResult.secondsSince(t0);
        f.put("failoverSeconds", promoted);
        NodesWithoutMonitor nodes = new NodesWithoutMonitor(engine);
        NodeRole now = NodesWithoutMonitor.primary(nodes.read()).orElse(null);
        double firstWrite = -1;
        if (now != null) {
            try (WriteProbe probe = nodes.probe(now)) {
                probe.start();
                DataConnections.awaitFirstWrite(probe, Duration.ofSeconds(30));
                firstWrite = StepResult.secondsSince(t0);
                probe.stop();
            }
            f.put("firstWriteSeconds", firstWrite);
        }
        String newPrimary = end.nodes().stream().filter(n -> n.reportedState().writable() && !n.inTransition())
                .map(NodeStatus::name).findFirst().orElse("?");
        return OperationResult.ok(name, StepResult.secondsSince(t0), Msg.of("op.back.failedOver", f.get("reachableSeconds"),
                String.join(", ", silent), newPrimary, promoted, firstWrite), f, end);
    }
}
