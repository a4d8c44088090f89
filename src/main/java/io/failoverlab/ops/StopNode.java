package io.failoverlab.ops;

import io.failoverlab.engine.LabEngine;
import io.failoverlab.lab.ClusterSnapshot;
import io.failoverlab.lab.Msg;
import io.failoverlab.lab.NodeState;
import io.failoverlab.lab.StepIds;
import io.failoverlab.lab.StepResult;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Stops a node's keeper and its Postgres, then follows what the monitor makes of it. A stopped
 * keeper does not tell the monitor it leaves, so nothing happens until the monitor judges the
 * node unhealthy; what happens then depends on the formation (MonitorRules): a primary left
 * without any synchronous standby goes wait_primary when number_sync_standbys is 0 and blocks
 * writes otherwise; one with another synchronous standby stays primary; a stopped primary is
 * failed over to the best candidate, if there is one.
 */
public final class StopNode extends NodeOperation {
    public StopNode(LabEngine engine, String name) { this(engine, name, DEFAULT_BOUND); }

    public StopNode(LabEngine engine, String name, Duration bound) { super(engine, name, bound, StepIds.STOP_NODE); }

    @Override
    protected OperationResult run(OpSession s, ClusterSnapshot before) throws Exception {
        boolean wasPrimary = before.writableNode().filter(p -> p.name().equals(node.name)).isPresent();
        Expectation e = before.node(node.name).isEmpty() || before.nodes().size() < 2
                ? Expectation.builder(Msg.of("op.stopNode.alone", node.name, 0.0, before.summary())).build()
                : wasPrimary ? MonitorRules.primaryLost(before, node.name)
                : MonitorRules.standbysLost(before, Set.of(node.name));
        String primary = before.writableNode().map(p -> p.name()).orElse(node.name);
        long t0 = System.nanoTime();
        engine.stopKeeper(node);
        double stoppedAt = StepResult.secondsSince(t0);
        Map<String, Double> f = new LinkedHashMap<>();
        f.put("stopSeconds", stoppedAt);
        StateTrail trail = new StateTrail(primary, t0, before.node(primary).map(n -> n.reportedState()).orElse(null));
        FirstSeen writer = FirstSeen.writerOtherThan(node.name, t0);
        Followed end = s.follow(Settling.afterLoss(Set.of(node.name)), bound, trail.andThen(writer));
        if (!wasPrimary && trail.firstAt(NodeState.WAIT_PRIMARY) >= 0) f.put("waitPrimarySeconds", trail.firstAt(NodeState.WAIT_PRIMARY));
        if (wasPrimary && writer.at() >= 0) f.put("failoverSeconds", writer.at());
        Msg done = Msg.of("op.stopNode.done", node.name, stoppedAt, end.seconds(), end.last().summary());
        return Verdict.of(name(), done, e, end, bound, f, t0);
    }
}
