package io.failoverlab.ops;

import io.failoverlab.lab.Msg;

import io.failoverlab.engine.LabEngine;
import io.failoverlab.lab.ClusterSnapshot;
import io.failoverlab.lab.LabException;
import io.failoverlab.lab.NodeStatus;
import io.failoverlab.lab.StepResult;
import io.failoverlab.lab.StepIds;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Starts a stopped node's keeper and waits until the cluster has converged: a stopped standby
 * catches up; a stopped ex-primary goes demoted→catchingup→secondary (pg_rewind). A dropped
 * node's keeper refuses to run, so such a node is pointed at add-node instead.
 */
public final class StartNode extends NodeOperation {
    public StartNode(LabEngine engine, String name) { this(engine, name, DEFAULT_BOUND); }

    public StartNode(LabEngine engine, String name, Duration bound) { super(engine, name, bound, StepIds.START_NODE); }

    @Override
    protected OperationResult run(OpSession s, ClusterSnapshot before) throws Exception {
        NodeStatus target = before.node(node.name).orElseThrow(() -> new LabException(Msg.of("op.startNode.dropped", node.name,
                new Msg.Action("node-readd", "add-node " + node.name))));
        long t0 = System.nanoTime();
        Map<String, Double> f = new LinkedHashMap<>();
        var power = engine.machinePower();
        if (power.isPresent() && !power.get().isOn(node.host)) {
            // a powered-off machine: boot it; its keeper is an enabled unit and starts with it
            power.get().powerOn(node.host);
            f.put("machineBootSeconds", StepResult.secondsSince(t0));
        }
        engine.startKeeper(node);
        StateTrail trail = new StateTrail(node.name, t0, target.reportedState());
        Expectation e = MonitorRules.rejoin(before, node.name);
        Followed end = s.follow(new Settling(Set.of(node.name)), bound, trail);
        double secs = end.seconds();
        f.put("convergedSeconds", secs);
        String now = end.last().node(node.name).map(n -> n.reportedState().id()).orElse("?");
        Msg msg = f.containsKey("machineBootSeconds")
                ? Msg.of("gce".equals(power.get().kind()) ? "op.startNode.vmStarted" : "op.startNode.poweredOn", node.name, secs, trail.path(), end.last().summary(), f.get("machineBootSeconds"))
                : Msg.of("op.startNode.settled", node.name, now, secs, trail.path());
        return Verdict.of(name(), msg, e, end, bound, f, t0);
    }
}
