package io.failoverlab.ops;

import io.failoverlab.engine.LabEngine;
import io.failoverlab.lab.ClusterSnapshot;
import io.failoverlab.lab.InstanceSpec;
import io.failoverlab.lab.LabException;
import io.failoverlab.lab.Msg;
import io.failoverlab.lab.StepResult;
import io.failoverlab.lab.StepIds;

import io.failoverlab.check.NodeRole;

import java.time.Duration;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Starts the monitor's keeper again and waits until it answers and every node's keeper reports
 * to it again with settled states. Failover decisions resume after the monitor's startup grace
 * period (10 s by default).
 */
public final class StartMonitor extends BoundedOperation {
    public StartMonitor(LabEngine engine) { this(engine, DEFAULT_BOUND); }

    public StartMonitor(LabEngine engine, Duration bound) { super(engine, bound); }

    @Override
    public String name() { return StepIds.START_MONITOR; }

    @Override
    public OperationResult run() throws Exception {
        // a node lost or commits waiting while the monitor was down: follow what it now decides
        boolean down = !engine.status().monitorReachable();
        List<NodeRole> nodes = new NodesWithoutMonitor(engine).read();
        // a monitor whose machine was switched off (kill-monitor --mode vm) is powered on first
        var power = engine.machinePower();
        if (power.isPresent() && !power.get().isOn(engine.spec().monitor.host)) power.get().powerOn(engine.spec().monitor.host);
        if (down && MonitorBack.faultWhileDown(nodes)) return new MonitorBack(engine, bound, nodes).run(name());
        InstanceSpec m = engine.spec().monitor;
        long t0 = System.nanoTime();
        engine.startKeeper(m);
        ClusterSnapshot s = engine.status();
        long deadline = System.nanoTime() + bound.toNanos();
        while (!s.monitorReachable()) {
            if (System.nanoTime() > deadline) {
                throw new LabException(Msg.of("op.startMonitor.silent", bound.toSeconds(), s.error()));
            }
            Thread.sleep(500);
            s = engine.status();
        }
        double reachableAt = StepResult.secondsSince(t0);
        long up = System.nanoTime();
        try (OpSession session = new OpSession(engine)) {
            // a report counts only if it is younger than the restarted monitor (lags are the monitor's own now() - reporttime)
            Predicate<ClusterSnapshot> fresh = x -> x.nodes().stream().allMatch(n -> n.reportLagSeconds() >= 0
                    && n.reportLagSeconds() < (System.nanoTime() - up) / 1e9);
            ClusterSnapshot done = session.await(Convergence.settled().and(fresh), bound, Msg.of("wait.keepersReport"));
            double secs = StepResult.secondsSince(t0);
            Map<String, Double> f = new LinkedHashMap<>();
            f.put("reachableSeconds", reachableAt);
            f.put("reportingSeconds", secs);
            return OperationResult.ok(name(), secs, Msg.of("op.startMonitor.done", reachableAt, secs, done.summary()), f, done);
        }
    }
}
