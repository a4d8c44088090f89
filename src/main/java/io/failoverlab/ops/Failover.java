package io.failoverlab.ops;

import io.failoverlab.engine.LabEngine;
import io.failoverlab.lab.ClusterSnapshot;
import io.failoverlab.lab.Msg;
import io.failoverlab.lab.NodeStatus;
import io.failoverlab.lab.StepIds;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Failover of the group. With a healthy primary and secondary the monitor's perform_failover
 * is the same call as a switchover (pg_autoctl's `perform failover` and `perform switchover`
 * share their code). With a primary that is down, failover is what the monitor does by itself:
 * this follows it, says whom its rules promote (or that none can be), and measures it.
 */
public final class Failover implements OperationRunner.Operation {
    private static final Duration BOUND = Duration.ofSeconds(180);

    private final LabEngine engine;

    public Failover(LabEngine engine) { this.engine = engine; }

    @Override
    public String name() { return StepIds.FAILOVER; }

    @Override
    public OperationResult run() throws Exception {
        try (OpSession s = new OpSession(engine)) {
            ClusterSnapshot before = s.snapshot();
            Optional<NodeStatus> primary = before.stablePrimary();
            boolean primaryHealthy = primary.map(p -> p.health() != NodeStatus.Health.BAD && !before.silent(p)).orElse(false);
            if (!primaryHealthy) {
                long t0 = System.nanoTime();
                String old = before.primaryNode().map(NodeStatus::name).orElse("");
                Expectation e = MonitorRules.primaryLost(before, old);
                FirstSeen writer = FirstSeen.writerOtherThan(old, t0);
                Followed end = s.follow(Settling.afterLoss(old.isEmpty() ? Set.of() : Set.of(old)), BOUND, writer);
                Map<String, Double> f = new LinkedHashMap<>();
                if (writer.at() >= 0) f.put("failoverSeconds", writer.at());
                Msg done = Msg.of("op.failover.settled", writer.name() == null ? "-" : writer.name(), old,
                        writer.at(), end.seconds(), end.last().summary());
                return Verdict.of(name(), done, e, end, BOUND, f, t0);
            }
        }
        OperationResult r = new Switchover(engine).run();
        Msg m = Msg.of("op.failover.switchover", r.msg() != null ? r.msg() : r.message());
        return OperationResult.of(name(), r.ok(), r.seconds(), m, r.figures(), r.finalState());
    }
}
