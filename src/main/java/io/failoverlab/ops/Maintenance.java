package io.failoverlab.ops;

import io.failoverlab.engine.LabEngine;
import io.failoverlab.lab.ClusterSnapshot;
import io.failoverlab.lab.InstanceSpec;
import io.failoverlab.lab.LabException;
import io.failoverlab.lab.Msg;
import io.failoverlab.lab.NodeState;
import io.failoverlab.lab.NodeStatus;
import io.failoverlab.lab.StepResult;
import io.failoverlab.lab.StepIds;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Maintenance on/off through the monitor's start_maintenance / stop_maintenance. On a primary
 * that means a failover first: `pg_autoctl enable maintenance` insists on --allow-failover for
 * it, the SQL function simply does it — the result says so.
 */
public final class Maintenance implements OperationRunner.Operation {
    private final LabEngine engine;
    private final InstanceSpec node;
    private final boolean on;
    private final Duration bound;

    public Maintenance(LabEngine engine, String name, boolean on) { this(engine, name, on, Duration.ofSeconds(120)); }

    public Maintenance(LabEngine engine, String name, boolean on, Duration bound) {
        this.engine = engine;
        this.node = LabNodes.require(engine.spec(), name);
        this.on = on;
        this.bound = bound;
    }

    /** "on" / "off" as typed; anything else is refused with one sentence. */
    public static boolean parseSwitch(String s) {
        if ("on".equalsIgnoreCase(s)) return true;
        if ("off".equalsIgnoreCase(s)) return false;
        throw new LabException(Msg.of("op.maintenance.value", s));
    }

    @Override
    public String name() { return StepIds.named(StepIds.MAINTENANCE, node.name + (on ? " on" : " off")); }

    @Override
    public OperationResult run() throws Exception {
        try (OpSession s = new OpSession(engine)) {
            ClusterSnapshot before = s.snapshot();
            NodeStatus target = LabNodes.registered(before, node.name, "maintenance");
            return on ? start(s, before, target) : stop(s, before, target);
        }
    }

    private OperationResult start(OpSession s, ClusterSnapshot before, NodeStatus target) throws InterruptedException {
        if (Convergence.nodeIs(node.name, NodeState.MAINTENANCE).test(before)) {
            return OperationResult.ok(name(), 0, io.failoverlab.lab.Msg.of("op.maintenance.already", node.name), Map.of(), before);
        }
        boolean primary = target.reportedState().writable();
        if (primary && before.count(NodeState.SECONDARY) == 0) {
            throw new LabException(Msg.of("op.maintenance.noTakeover", node.name, target.reportedState().id(), before.summary()));
        }
        long t0 = System.nanoTime();
        if (!s.monitor().startMaintenance(target.nodeId())) {
            throw new LabException(Msg.of("op.maintenance.startRefused", node.name, before.summary()));
        }
        Predicate<ClusterSnapshot> done = Convergence.nodeIs(node.name, NodeState.MAINTENANCE)
                .and(x -> x.nodes().stream().filter(n -> !n.name().equals(node.name)).noneMatch(NodeStatus::inTransition))
                .and(x -> x.writableNode().isPresent());
        ClusterSnapshot end = s.await(done, bound, io.failoverlab.lab.Msg.of("wait.maintenance", node.name));
        double secs = StepResult.secondsSince(t0);
        String writer = end.writableNode().map(n -> n.name() + " (" + n.reportedState().id() + ")").orElse("?");
        io.failoverlab.lab.Msg msg = io.failoverlab.lab.Msg.of(primary ? "op.maintenance.onPrimary" : "op.maintenance.onStandby", node.name, writer, secs);
        return OperationResult.ok(name(), secs, msg, Map.of("maintenanceSeconds", secs), end);
    }

    private OperationResult stop(OpSession s, ClusterSnapshot before, NodeStatus target) throws InterruptedException {
        if (target.reportedState() != NodeState.MAINTENANCE && target.assignedState() != NodeState.MAINTENANCE) {
            throw new LabException(Msg.of("op.maintenance.notOn", node.name, target.reportedState().id()));
        }
        long t0 = System.nanoTime();
        if (!s.monitor().stopMaintenance(target.nodeId())) {
            throw new LabException(Msg.of("op.maintenance.stopRefused", node.name, before.summary()));
        }
        StateTrail trail = new StateTrail(node.name, t0, target.reportedState());
        ClusterSnapshot end = s.await(Convergence.stable(before.nodes().size()), bound,
                io.failoverlab.lab.Msg.of("wait.afterMaintenance"), trail);
        double secs = StepResult.secondsSince(t0);
        Map<String, Double> f = new LinkedHashMap<>();
        f.put("convergedSeconds", secs);
        return OperationResult.ok(name(), secs, io.failoverlab.lab.Msg.of("op.maintenance.off", node.name, secs, trail.path(), end.summary()), f, end);
    }
}
