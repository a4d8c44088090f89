package io.failoverlab.ops;

import io.failoverlab.engine.LabEngine;
import io.failoverlab.lab.ClusterSnapshot;
import io.failoverlab.lab.NodeStatus;
import io.failoverlab.lab.StepResult;
import io.failoverlab.lab.StepIds;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Failover of the group. With a healthy primary and secondary the monitor's perform_failover
 * is the same call as a switchover (pg_autoctl's `perform failover` and `perform switchover`
 * share their code). With a primary that is down, failover is what the monitor does by itself:
 * this waits for it and reports how long it took.
 */
public final class Failover implements OperationRunner.Operation {
    private final LabEngine engine;

    public Failover(LabEngine engine) { this.engine = engine; }

    @Override
    public String name() { return StepIds.FAILOVER; }

    @Override
    public OperationResult run() throws Exception {
        ClusterSnapshot before;
        try (OpSession s = new OpSession(engine)) {
            before = s.snapshot();
            Optional<NodeStatus> primary = before.stablePrimary();
            boolean primaryHealthy = primary.map(p -> p.health() != NodeStatus.Health.BAD).orElse(false);
            if (!primaryHealthy) {
                long t0 = System.nanoTime();
                String old = before.writableNode().map(NodeStatus::name).orElse("");
                ClusterSnapshot done = s.await(x -> x.writableNode().filter(n -> !n.name().equals(old)).isPresent()
                                && x.writableNode().get().assignedState().writable(),
                        Duration.ofSeconds(180), io.failoverlab.lab.Msg.of("wait.autoFailover"));
                return OperationResult.ok(name(), StepResult.secondsSince(t0), io.failoverlab.lab.Msg.of("op.failover.auto",
                        done.writableNode().get().name()),
                        Map.of("failoverSeconds", StepResult.secondsSince(t0)), done);
            }
        }
        OperationResult r = new Switchover(engine).run();
        io.failoverlab.lab.Msg m = io.failoverlab.lab.Msg.of("op.failover.switchover", r.msg() != null ? r.msg() : r.message());
        return OperationResult.of(name(), r.ok(), r.seconds(), m, r.figures(), r.finalState());
    }
}
