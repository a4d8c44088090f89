package io.failoverlab.ops;

import io.failoverlab.engine.LabEngine;
import io.failoverlab.lab.ClusterSnapshot;
import io.failoverlab.lab.InstanceSpec;
import io.failoverlab.lab.LabException;
import io.failoverlab.lab.Msg;
import io.failoverlab.lab.StepIds;
import io.failoverlab.lab.StepResult;

import io.failoverlab.check.NodeRole;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
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
        try (OpSession session = new OpSession(engine)) {
            ClusterSnapshot reachable;
            try {
                reachable = session.await(ClusterSnapshot::monitorReachable, bound, Msg.of("wait.monitorUp"));
            } catch (LabException e) {
                throw new LabException(Msg.of("op.startMonitor.silent", bound.toSeconds(), engine.status().error()));
            }
            double reachableAt = StepResult.secondsSince(t0);
            Instant up = reachable.at();
            // a report counts only if it is younger than the restarted monitor (lags are the monitor's own now() - reporttime)
            Predicate<ClusterSnapshot> fresh = x -> x.nodes().stream().allMatch(n -> n.reportLagSeconds() >= 0
                    && n.reportLagSeconds() < Duration.between(up, x.at()).toMillis() / 1000.0);
            Followed end = session.follow(new Settling(Set.of()).until(fresh), bound, null);
            if (!end.settled()) throw new LabException(Msg.of("op.convergence.timeout", bound.toSeconds(), Msg.of("wait.keepersReport"), end.last().summary()));
            ClusterSnapshot done = end.last();
            double secs = StepResult.secondsSince(t0);
            Map<String, Double> f = new LinkedHashMap<>();
            f.put("reachableSeconds", reachableAt);
            f.put("reportingSeconds", secs);
            return OperationResult.ok(name(), secs, Msg.of("op.startMonitor.done", reachableAt, secs, done.summary()), f, done);
        }
    }
}
