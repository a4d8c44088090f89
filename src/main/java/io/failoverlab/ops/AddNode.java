package io.failoverlab.ops;

import io.failoverlab.engine.LabEngine;
import io.failoverlab.lab.ClusterSnapshot;
import io.failoverlab.lab.InstanceSpec;
import io.failoverlab.lab.LabException;
import io.failoverlab.lab.Msg;
import io.failoverlab.lab.LogLine;
import io.failoverlab.lab.NodeState;
import io.failoverlab.lab.NodeStatus;
import io.failoverlab.lab.StepResult;
import io.failoverlab.lab.StepIds;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Re-creates a dropped node so it joins as secondary. A dropped keeper refuses to run again,
 * which is what the original lab ran into; so the node's leftover local state is removed and
 * it is created afresh (base backup from the primary) exactly as `up` creates nodes.
 */
public final class AddNode implements OperationRunner.Operation {
    private final LabEngine engine;
    private final String requested;
    private final Duration bound;

    /** name null: the first lab node that is not registered at the monitor. */
    public AddNode(LabEngine engine, String name) { this(engine, name, Duration.ofSeconds(120)); }

    public AddNode(LabEngine engine, String name, Duration bound) {
        this.engine = engine;
        this.requested = name == null ? null : LabNodes.require(engine.spec(), name).name;
        this.bound = bound;
    }

    @Override
    public String name() { return requested == null ? StepIds.ADD_NODE : StepIds.named(StepIds.ADD_NODE, requested); }

    @Override
    public OperationResult run() throws Exception {
        try (OpSession s = new OpSession(engine)) {
            ClusterSnapshot before = s.snapshot();
            InstanceSpec node = choose(before);
            NodeStatus primary = before.writableNode().orElseThrow(() -> new LabException(Msg.of("op.addNode.noPrimary", node.name, before.summary())));
            Expectation e = MonitorRules.rejoin(before, node.name);
            long t0 = System.nanoTime();
            engine.listener().log(LogLine.of("app", LogLine.Level.INFO, "Removing what is left of " + node.name
                    + " on its host (a dropped node cannot simply be started again), then creating it afresh."));
            engine.destroyInstance(node);
            StepResult created = engine.createNode(node);
            if (!created.ok()) {
                return OperationResult.failed(name(), StepResult.secondsSince(t0), created.message(), s.snapshot());
            }
            double createdAt = StepResult.secondsSince(t0);
            Followed end = s.follow(new Settling(Set.of(node.name)), bound, null);
            double secs = StepResult.secondsSince(t0);
            String p = end.last().stablePrimary().map(NodeStatus::name).orElse(primary.name());
            Map<String, Double> f = new LinkedHashMap<>();
            f.put("createSeconds", createdAt);
            f.put("addSeconds", secs);
            return Verdict.of(name(), Msg.of("op.addNode.done", node.name, primary.name(), createdAt, p, secs), e, end, bound, f);
        }
    }

    private InstanceSpec choose(ClusterSnapshot before) {
        if (requested == null) {
            return engine.spec().nodes.stream().filter(n -> before.node(n.name).isEmpty()).findFirst()
                    .orElseThrow(() -> new LabException(Msg.of("op.addNode.allRegistered", before.summary())));
        }
        before.node(requested).ifPresent(n -> {
            throw new LabException(Msg.of("op.addNode.registered", requested, n.reportedState().id(),
                    new Msg.Action("node-drop", "drop-node " + requested)));
        });
        return LabNodes.require(engine.spec(), requested);
    }
}
