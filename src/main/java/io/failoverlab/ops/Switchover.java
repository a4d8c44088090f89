package io.failoverlab.ops;

import io.failoverlab.engine.LabEngine;
import io.failoverlab.lab.ClusterSnapshot;
import io.failoverlab.lab.LabException;
import io.failoverlab.lab.LogLine;
import io.failoverlab.lab.Msg;
import io.failoverlab.lab.NodeState;
import io.failoverlab.lab.NodeStatus;
import io.failoverlab.lab.StepIds;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Planned switchover (`pg_autoctl perform switchover` = monitor perform_failover): the monitor
 * promotes the best candidate (MonitorRules), the old primary rejoins as secondary. Refused at
 * once when pg_auto_failover could not act (no stable primary, no candidate). Measures when a
 * standby became writable, when it reached primary, and when the formation settled.
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
            Expectation e = MonitorRules.switchover(before);
            if (e.isRefused()) throw new LabException(e.refusal());
            NodeStatus oldPrimary = before.stablePrimary().orElseThrow();
            long t0 = System.nanoTime();
            // what a person types for this step; the app sends the same request over its monitor connection
            engine.listener().log(LogLine.of(engine.spec().monitor.host, LogLine.Level.COMMAND,
                    "postgres$ pg_autoctl perform switchover --formation " + s.formation()
                            + "   # sent as: select pgautofailover.perform_failover('" + s.formation() + "', 0)"));
            s.monitor().performFailover(s.formation(), 0);
            FirstSeen writer = FirstSeen.writerOtherThan(oldPrimary.name(), t0);
            FirstSeen promoted = FirstSeen.primaryOtherThan(oldPrimary.name(), t0);
            Followed end = s.follow(new Settling(Set.of(oldPrimary.name())), bound, writer.andThen(promoted));
            Map<String, Double> f = new LinkedHashMap<>();
            f.put("writableSeconds", writer.at());
            f.put("switchoverSeconds", promoted.at());
            f.put("convergedSeconds", end.seconds());
            String newPrimary = promoted.name() != null ? promoted.name() : writer.name() != null ? writer.name() : "?";
            Msg done = Msg.of("op.switchover.settled", oldPrimary.name(), newPrimary, writer.at(), promoted.at(),
                    end.seconds(), end.last().summary());
            return Verdict.of(name(), done, e, end, bound, f, t0);
        }
    }
}
