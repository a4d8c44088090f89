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
import java.util.Set;

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
            return OperationResult.ok(name(), 0, Msg.of("op.maintenance.already", node.name), Map.of(), before);
        }
        Expectation e = MonitorRules.maintenanceOn(before, node.name);
        if (e.isRefused()) throw new LabException(Msg.of("op.maintenance.noTakeover", node.name, target.reportedState().id(), e.refusal()));
        long t0 = System.nanoTime();
        if (!s.monitor().startMaintenance(target.nodeId())) {
            throw new LabException(Msg.of("op.maintenance.startRefused", node.name, before.summary()));
        }
        Followed end = s.follow(new Settling(Set.of()), bound, null);
        Msg done = Msg.of("op.maintenance.settled", node.name, "on", end.seconds(), end.last().summary());
        return Verdict.of(name(), done, e, end, bound, Map.of("maintenanceSeconds", end.seconds()), t0);
    }

    private OperationResult stop(OpSession s, ClusterSnapshot before, NodeStatus target) throws InterruptedException {
        if (target.reportedState() != NodeState.MAINTENANCE && target.assignedState() != NodeState.MAINTENANCE) {
            throw new LabException(Msg.of("op.maintenance.notOn", node.name, target.reportedState().id()));
        }
        Expectation e = MonitorRules.maintenanceOff(before, node.name);
        long t0 = System.nanoTime();
        if (!s.monitor().stopMaintenance(target.nodeId())) {
            throw new LabException(Msg.of("op.maintenance.stopRefused", node.name, before.summary()));
        }
        StateTrail trail = new StateTrail(node.name, t0, target.reportedState());
        Followed end = s.follow(new Settling(Set.of(node.name)), bound, trail);
        Map<String, Double> f = new LinkedHashMap<>();
        f.put("convergedSeconds", end.seconds());
        Msg done = Msg.of("op.maintenance.settled", node.name, "off", end.seconds(), trail.path());
        return Verdict.of(name(), done, e, end, bound, f, t0);
    }
}
