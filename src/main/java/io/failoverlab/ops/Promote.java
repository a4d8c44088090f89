package io.failoverlab.ops;

import io.failoverlab.engine.LabEngine;
import io.failoverlab.lab.ClusterSnapshot;
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

/** Promotes a named node (monitor perform_promotion) and waits until it is primary and the others secondary. */
public final class Promote extends NodeOperation {
    public Promote(LabEngine engine, String name) { this(engine, name, DEFAULT_BOUND); }

    public Promote(LabEngine engine, String name, Duration bound) { super(engine, name, bound, StepIds.PROMOTE); }

    @Override
    protected OperationResult run(OpSession s, ClusterSnapshot before) throws Exception {
        NodeStatus target = LabNodes.registered(before, node.name, "promote");
        if (before.stablePrimary().filter(p -> p.name().equals(node.name)).isPresent()) {
            return OperationResult.ok(name(), 0, Msg.of("op.promote.already", node.name), Map.of(), before);
        }
        Expectation e = MonitorRules.promote(before, node.name);
        if (e.isRefused()) throw new LabException(e.refusal());
        long t0 = System.nanoTime();
        if (!s.monitor().performPromotion(s.formation(), node.name)) {
            throw new LabException(Msg.of("op.promote.refused", node.name, target.reportedState().id(), before.summary()));
        }
        StateTrail trail = new StateTrail(node.name, t0, target.reportedState());
        Followed end = s.follow(new Settling(Set.of(node.name)), bound, trail);
        Map<String, Double> f = new LinkedHashMap<>();
        f.put("promoteSeconds", end.seconds());
        double writable = trail.firstAt(NodeState.WAIT_PRIMARY);
        if (writable >= 0) f.put("writableSeconds", writable);
        return Verdict.of(name(), Msg.of("op.promote.settled", node.name, end.seconds(), trail.path()), e, end, bound, f, t0);
    }
}
