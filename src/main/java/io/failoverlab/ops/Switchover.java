package io.failoverlab.ops;

import io.failoverlab.engine.LabEngine;
import io.failoverlab.lab.ClusterSnapshot;
import io.failoverlab.lab.LabException;
import io.failoverlab.lab.NodeState;
import io.failoverlab.lab.NodeStatus;
import io.failoverlab.lab.StepResult;
import io.failoverlab.lab.StepIds;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Planned switchover (`pg_autoctl perform switchover` = monitor perform_failover): needs a
 * stable primary and a healthy secondary. Measures when the standby became writable
 * (wait_primary), when it reached primary, and when the old primary was a secondary again.
 */
public final class Switchover extends BoundedOperation {
    public Switchover(LabEngine engine) { this(engine, DEFAULT_BOUND); }

    public Switchover(LabEngine engine, Duration bound) { super(engine, bound); }

    @Override
    public String name() { return StepIds.SWITCHOVER; }

    @Override
    public OperationResult run() throws Exception {
        try (OpSession s = new OpSession(engine)) {
            ClusterSnapshot before = s.snapshot();
            NodeStatus oldPrimary = before.stablePrimary().orElseThrow(() -> new LabException(
                    io.failoverlab.lab.Msg.of("op.switchover.noPrimary", before.summary())));
            if (before.count(NodeState.SECONDARY) == 0) {
                throw new LabException(io.failoverlab.lab.Msg.of("op.switchover.noSecondary", before.summary()));
            }
            long t0 = System.nanoTime();
            // what a person types for this step; the app sends the same request over its monitor connection
            engine.listener().log(io.failoverlab.lab.LogLine.of(engine.spec().monitor.host, io.failoverlab.lab.LogLine.Level.COMMAND,
                    "postgres$ pg_autoctl perform switchover --formation " + s.formation()
                            + "   # sent as: select pgautofailover.perform_failover('" + s.formation() + "', 0)"));
            s.monitor().performFailover(s.formation(), 0);
            ClusterSnapshot writable = s.await(x -> x.nodes().stream().anyMatch(n -> !n.name().equals(oldPrimary.name())
                    && n.reportedState().writable()), bound, io.failoverlab.lab.Msg.of("wait.standbyWritable"));
            double writableAt = StepResult.secondsSince(t0);
            ClusterSnapshot promoted = s.await(x -> x.stablePrimary().filter(p -> !p.name().equals(oldPrimary.name())).isPresent(),
                    bound, io.failoverlab.lab.Msg.of("wait.newPrimary"));
            double primaryAt = StepResult.secondsSince(t0);
            ClusterSnapshot done = s.await(Convergence.stable(engine.spec().nodes.size()), bound, io.failoverlab.lab.Msg.of("wait.oldPrimaryBack"));
            double convergedAt = StepResult.secondsSince(t0);
            String newPrimary = promoted.stablePrimary().get().name();
            Map<String, Double> f = new LinkedHashMap<>();
            f.put("writableSeconds", writableAt);
            f.put("switchoverSeconds", primaryAt);
            f.put("convergedSeconds", convergedAt);
            return OperationResult.ok(name(), convergedAt, io.failoverlab.lab.Msg.of("op.switchover.done",
                    oldPrimary.name(), newPrimary, writableAt, primaryAt, convergedAt), f, done);
        }
    }
}
