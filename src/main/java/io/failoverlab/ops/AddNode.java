package io.failoverlab.ops;

import io.failoverlab.engine.LabEngine;
import io.failoverlab.lab.AddedNodes;
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
    /** A brand-new node to add (not one of the lab's), or null. */
    private final InstanceSpec brandNew;
    private final AddedNodes book;

    /** name null: the first lab node that is not registered at the monitor. */
    public AddNode(LabEngine engine, String name) { this(engine, name, Duration.ofSeconds(120)); }

    public AddNode(LabEngine engine, String name, Duration bound) {
        this.engine = engine;
        this.requested = name == null ? null : LabNodes.require(engine.spec(), name).name;
        this.bound = bound;
        this.brandNew = null;
        this.book = null;
    }

    /**
     * A node of the lab re-created, or, when the lab has no node of that name, a brand-new one
     * (port: given, or the next free one), kept in book so later verbs and the window see it.
     */
    public AddNode(LabEngine engine, String name, Integer port, AddedNodes book) {
        this.engine = engine;
        this.bound = Duration.ofSeconds(120);
        this.book = book;
        boolean known = name == null || engine.spec().node(name).isPresent();
        this.brandNew = known ? null : NewNode.plan(engine.spec(), name, port);
        this.requested = name == null ? null : known ? LabNodes.require(engine.spec(), name).name : name;
    }

    @Override
    public String name() { return requested == null ? StepIds.ADD_NODE : StepIds.named(StepIds.ADD_NODE, requested); }

    @Override
    public OperationResult run() throws Exception {
        try (OpSession s = new OpSession(engine)) {
            ClusterSnapshot before = s.snapshot();
            InstanceSpec node = brandNew != null ? brandNew : choose(before);
            NodeStatus primary = before.writableNode().orElseThrow(() -> new LabException(Msg.of("op.addNode.noPrimary", node.name, before.summary())));
            Expectation e = MonitorRules.rejoin(before, node.name);
            long t0 = System.nanoTime();
            engine.listener().log(LogLine.of("app", LogLine.Level.INFO, "Removing what is left of " + node.name
                    + " on its host (a dropped node cannot simply be started again), then creating it afresh."));
            if (brandNew != null) {
                engine.spec().nodes.add(brandNew);
            } else {
                engine.destroyInstance(node);
            }
            StepResult created = engine.createNode(node);
            if (brandNew != null && !created.ok()) engine.spec().nodes.remove(brandNew);
            if (!created.ok()) {
                return OperationResult.failed(name(), StepResult.secondsSince(t0), created.message(), s.snapshot());
            }
            double createdAt = StepResult.secondsSince(t0);
            if (brandNew != null && book != null) book.remember(engine.spec(), brandNew);
            Followed end = s.follow(new Settling(Set.of(node.name)), bound, null);
            double secs = StepResult.secondsSince(t0);
            String p = end.last().stablePrimary().map(NodeStatus::name).orElse(primary.name());
            Map<String, Double> f = new LinkedHashMap<>();
            f.put("createSeconds", createdAt);
            f.put("addSeconds", secs);
            Msg done = brandNew == null ? Msg.of("op.addNode.done", node.name, primary.name(), createdAt, p, secs)
                    : Msg.of("op.addNode.new", node.name, node.port, primary.name(), createdAt, p, secs,
                    before.formation().numberSyncStandbys(), end.last().formation().numberSyncStandbys());
            return Verdict.of(name(), done, e, end, bound, f, t0);
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
