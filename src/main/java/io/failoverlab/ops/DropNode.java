package io.failoverlab.ops;

import io.failoverlab.engine.LabEngine;
import io.failoverlab.lab.ClusterSnapshot;
import io.failoverlab.lab.LabException;
import io.failoverlab.lab.Msg;
import io.failoverlab.lab.LogLine;
import io.failoverlab.lab.NodeState;
import io.failoverlab.lab.NodeStatus;
import io.failoverlab.lab.StepResult;
import io.failoverlab.lab.StepIds;
import io.failoverlab.remote.Command;
import io.failoverlab.remote.CommandResult;
import io.failoverlab.remote.Shell;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Removes a node from the formation with `pg_autoctl drop node --pgdata D` on its host: the
 * running keeper reports `dropped` and stops (observed with 2.0, ~3 s). When that cannot run
 * (host gone, keeper broken) the monitor's remove_node(force) deletes the row instead. Either
 * way the node's keeper ends stopped. With two nodes the survivor becomes `single`.
 */
public final class DropNode extends NodeOperation {
    public DropNode(LabEngine engine, String name) { this(engine, name, DEFAULT_BOUND); }

    public DropNode(LabEngine engine, String name, Duration bound) { super(engine, name, bound, StepIds.DROP_NODE); }

    @Override
    protected OperationResult run(OpSession s, ClusterSnapshot before) throws Exception {
        NodeStatus target = LabNodes.registered(before, node.name, "drop");
        if (before.nodes().size() == 1) {
            throw new LabException(Msg.of("op.dropNode.last", node.name, s.formation()));
        }
        boolean wasPrimary = target.reportedState().writable();
        Expectation e = MonitorRules.dropped(before, node.name);
        long t0 = System.nanoTime();
        dropOnHost(s, target);
        // drop node stops the keeper itself; this makes sure of it (and of the systemd unit)
        engine.stopKeeper(node);
        int remaining = before.nodes().size() - 1;
        Followed end = s.follow(new Settling(Set.of()), bound, null);
        double secs = end.seconds();
        Map<String, Double> f = new LinkedHashMap<>();
        f.put("dropSeconds", secs);
        return Verdict.of(name(), message(target, wasPrimary, remaining, end.last(), secs), e, end, bound, f, t0);
    }

    private void dropOnHost(OpSession s, NodeStatus target) {
        try {
            Shell sh = engine.shells().of(node);
            CommandResult r = sh.run(Command.asPostgres(engine.pgautoctl(node).dropNode(engine.paths(node).pgdata(), false))
                    .timeout(Duration.ofSeconds(90)));
            if (r.ok()) return;
            log("pg_autoctl drop node failed on " + sh.describe() + " (" + r.lastErrorLine() + "); removing " + node.name + " at the monitor instead.");
        } catch (IOException | RuntimeException e) {
            log("pg_autoctl drop node could not run (" + e.getMessage() + "); removing " + node.name + " at the monitor instead.");
        }
        s.monitor().removeNode(target.nodeId(), true);
    }

    private void log(String text) {
        engine.listener().log(LogLine.of("app", LogLine.Level.WARN, text));
    }

    private Msg message(NodeStatus target, boolean wasPrimary, int remaining, ClusterSnapshot done, double secs) {
        String was = target.reportedState().id();
        if (remaining == 1) {
            return Msg.of(wasPrimary ? "op.dropNode.singleTookOver" : "op.dropNode.single", node.name, was, secs,
                    done.nodes().get(0).name(), new Msg.Action("node-readd", "add-node " + node.name));
        }
        String primary = done.stablePrimary().map(NodeStatus::name).orElse("?");
        return Msg.of(wasPrimary ? "op.dropNode.tookOver" : "op.dropNode.others", node.name, was, secs, primary,
                LabNodes.others(done, node.name));
    }
}
