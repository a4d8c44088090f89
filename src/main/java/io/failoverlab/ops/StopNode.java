package io.failoverlab.ops;

import io.failoverlab.engine.LabEngine;
import io.failoverlab.lab.ClusterSnapshot;
import io.failoverlab.lab.NodeState;
import io.failoverlab.lab.NodeStatus;
import io.failoverlab.lab.StepResult;
import io.failoverlab.lab.StepIds;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Stops a node's keeper and its Postgres, then shows what the monitor makes of it. A stopped
 * keeper does not tell the monitor it leaves, so nothing happens until the node is judged
 * unhealthy: a stopped standby of a two-node synchronous pair makes commits on the primary
 * wait until the primary goes wait_primary; a stopped primary is failed over after the timeouts.
 */
public final class StopNode extends NodeOperation {
    public StopNode(LabEngine engine, String name) { this(engine, name, DEFAULT_BOUND); }

    public StopNode(LabEngine engine, String name, Duration bound) { super(engine, name, bound, StepIds.STOP_NODE); }

    @Override
    protected OperationResult run(OpSession s, ClusterSnapshot before) throws Exception {
        Optional<NodeStatus> target = before.node(node.name);
        long t0 = System.nanoTime();
        engine.stopKeeper(node);
        double stoppedAt = StepResult.secondsSince(t0);
        Map<String, Double> f = new LinkedHashMap<>();
        f.put("stopSeconds", stoppedAt);
        Optional<NodeStatus> primary = before.stablePrimary();
        if (target.isPresent() && primary.isPresent() && !primary.get().name().equals(node.name)) {
            return standbyStopped(s, target.get(), primary.get(), t0, f);
        }
        if (target.isPresent() && primary.isPresent() && before.count(NodeState.SECONDARY) > 0) {
            return primaryStopped(s, t0, f);
        }
        return OperationResult.ok(name(), stoppedAt, io.failoverlab.lab.Msg.of("op.stopNode.alone", node.name, stoppedAt, before.summary()), f, s.snapshot());
    }

    private OperationResult standbyStopped(OpSession s, NodeStatus standby, NodeStatus primary, long t0, Map<String, Double> f)
            throws InterruptedException {
        StateTrail trail = new StateTrail(primary.name(), t0, primary.reportedState());
        ClusterSnapshot end = s.await(Convergence.nodeIs(primary.name(), NodeState.WAIT_PRIMARY), bound,
                io.failoverlab.lab.Msg.of("wait.waitPrimary", primary.name()), trail);
        double at = trail.firstAt(NodeState.WAIT_PRIMARY);
        double secs = at >= 0 ? at : StepResult.secondsSince(t0);
        f.put("waitPrimarySeconds", secs);
        return OperationResult.ok(name(), secs, io.failoverlab.lab.Msg.of(standby.replicationQuorum() ? "op.stopNode.standbySync" : "op.stopNode.standby",
                node.name, primary.name(), trail.path(), secs), f, end);
    }

    private OperationResult primaryStopped(OpSession s, long t0, Map<String, Double> f) throws InterruptedException {
        ClusterSnapshot end = s.await(x -> x.nodes().stream().anyMatch(n -> !n.name().equals(node.name)
                && n.reportedState().writable() && !n.inTransition()), bound, io.failoverlab.lab.Msg.of("wait.takeOver"));
        double secs = StepResult.secondsSince(t0);
        f.put("failoverSeconds", secs);
        Object writer = end.writableNode().filter(n -> !n.name().equals(node.name))
                .<Object>map(n -> n.name() + " (" + n.reportedState().id() + ")").orElse(io.failoverlab.lab.Msg.of("op.anotherNode"));
        return OperationResult.ok(name(), secs, io.failoverlab.lab.Msg.of("op.stopNode.primary", node.name, writer, secs,
                new io.failoverlab.lab.Msg.Action("node-start", "start-node " + node.name)), f, end);
    }
}
