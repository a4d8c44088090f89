package io.failoverlab.ui;

import io.failoverlab.check.DataCheckResult;
import io.failoverlab.lab.LabException;
import io.failoverlab.ops.AddNode;
import io.failoverlab.ops.DataCheckOp;
import io.failoverlab.ops.DropNode;
import io.failoverlab.ops.Failover;
import io.failoverlab.ops.Heal;
import io.failoverlab.ops.KillPrimary;
import io.failoverlab.ops.Partition;
import io.failoverlab.ops.Maintenance;
import io.failoverlab.ops.OperationResult;
import io.failoverlab.ops.OperationRunner;
import io.failoverlab.ops.Promote;
import io.failoverlab.ops.StartMonitor;
import io.failoverlab.ops.StartNode;
import io.failoverlab.ops.StopMonitor;
import io.failoverlab.ops.StopNode;
import io.failoverlab.ops.TimingProfiles;
import io.failoverlab.pgaf.TimingProfile;

import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The HA exercise's actions beyond build / switchover / stop: failover, kill primary (postgres
 * process, node, VM), the selected node's promote / maintenance / stop / start / drop, re-add,
 * monitor stop / start, timing profile, data check. An id "group-item" puts the action in the
 * toolbar's menu button "group" (label actiongroup.&lt;group&gt;), with the one-line
 * explanation &lt;label key&gt;.hint under its name. Every engine call runs on the runner.
 */
public final class HaActions {
    /** Data check: rows of ha_test when it does not exist yet, as in the original lab. */
    public static final int DATA_CHECK_ROWS = 1_000_000;
    public static final int DATA_CHECK_INSERT = 10;
    private static final Set<String> FAULTS = Set.of("kill-postgres", "kill-node", "kill-vm", "kill-network", "node-partition", "node-stop", "node-drop", "monitor-stop");

    private HaActions() { }

    public static Actions addTo(Actions a) {
        return a
                .add(ConsoleAction.of("failover", "action.failover", s -> new Failover(s.engine())).destructive())
                .add(ConsoleAction.of("kill-postgres", "action.kill.postgres",
                        s -> new KillPrimary(s.engine(), KillPrimary.Mode.POSTGRES)).destructive())
                .add(ConsoleAction.of("kill-node", "action.kill.node",
                        s -> new KillPrimary(s.engine(), KillPrimary.Mode.NODE)).destructive())
                .add(ConsoleAction.of("kill-vm", "action.kill.vm",
                        s -> new KillPrimary(s.engine(), KillPrimary.Mode.VM)).destructive())
                .add(ConsoleAction.of("kill-network", "action.kill.network",
                        s -> new KillPrimary(s.engine(), KillPrimary.Mode.NETWORK)).destructive())
                .add(ConsoleAction.of("node-partition", "action.node.partition",
                        s -> selected(s, n -> new Partition(s.engine(), n, Partition.From.ALL))).confirm(onNode("node-partition")))
                .add(ConsoleAction.of("node-heal", "action.node.heal", s -> new Heal(s.engine(), null)))
                .add(ConsoleAction.of("node-promote", "action.node.promote", s -> selected(s, n -> new Promote(s.engine(), n)))
                        .confirm(onNode("node-promote")))
                .add(ConsoleAction.of("node-maintenanceOn", "action.node.maintenanceOn",
                        s -> selected(s, n -> new Maintenance(s.engine(), n, true))).confirm(onNode("node-maintenanceOn")))
                .add(ConsoleAction.of("node-maintenanceOff", "action.node.maintenanceOff",
                        s -> selected(s, n -> new Maintenance(s.engine(), n, false))))
                .add(ConsoleAction.of("node-stop", "action.node.stop", s -> selected(s, n -> new StopNode(s.engine(), n)))
                        .confirm(onNode("node-stop")))
                .add(ConsoleAction.of("node-start", "action.node.start", s -> selected(s, n -> new StartNode(s.engine(), n))))
                .add(ConsoleAction.of("node-drop", "action.node.drop", s -> selected(s, n -> new DropNode(s.engine(), n)))
                        .confirm(onNode("node-drop")))
                .add(ConsoleAction.of("node-readd", "action.node.readd", s -> new AddNode(s.engine(), null)))
                .add(ConsoleAction.of("monitor-stop", "action.monitor.stop", s -> new StopMonitor(s.engine())).destructive())
                .add(ConsoleAction.of("monitor-start", "action.monitor.start", s -> new StartMonitor(s.engine())))
                .add(ConsoleAction.of("profile-fast", "action.profile.fast", s -> TimingProfiles.apply(s.engine(), TimingProfile.FAST))
                        .afterwards((s, r) -> s.live().refreshProfile(s)))
                .add(ConsoleAction.of("profile-default", "action.profile.default",
                        s -> TimingProfiles.apply(s.engine(), TimingProfile.DEFAULT)).afterwards((s, r) -> s.live().refreshProfile(s)))
                .add(ConsoleAction.of("datacheck", "action.datacheck", DataCheckRun::new));
    }

    /** Actions that break something on purpose: the timeline marks them as faults. */
    public static boolean isFault(String id) { return FAULTS.contains(id); }

    /** The menu-button group of an action id ("kill-node" → "kill"), or null for a plain button (no dash). */
    public static String group(String id) {
        int dash = id.indexOf('-');
        return dash < 0 ? null : id.substring(0, dash);
    }

    /** The scene-graph id of an action's button or menu entry. */
    public static String nodeId(String actionId) { return "action-" + actionId; }

    /** Asks with the selected node's name: confirm.&lt;id&gt;.title / .text with {0} node, {1} lab. */
    static Confirmation onNode(String id) {
        return s -> Optional.of(new Question("confirm." + id + ".title", "confirm." + id + ".text",
                s.cluster().selectedNode() == null ? "?" : s.cluster().selectedNode(), s.lab().name));
    }

    /** The operation on the node selected in the table, or one that says to select one. */
    static OperationRunner.Operation selected(LabSession s, Function<String, OperationRunner.Operation> op) {
        String n = s.cluster().selectedNode();
        if (n != null) return op.apply(n);
        return new OperationRunner.Operation() {
            @Override
            public String name() { return "no node selected"; }

            @Override
            public OperationResult run() {
                throw new LabException("Select a node in the table first (click its row), then choose the action again.");
            }
        };
    }

    /** DataCheckOp with the grid filled from its result when it ends (the result is made on the runner thread). */
    static final class DataCheckRun implements OperationRunner.Operation {
        private final LabSession session;
        private final DataCheckOp op;

        DataCheckRun(LabSession s) {
            this.session = s;
            this.op = new DataCheckOp(s.engine(), DATA_CHECK_ROWS, false, DATA_CHECK_INSERT);
        }

        @Override
        public String name() { return op.name(); }

        @Override
        public OperationResult run() throws Exception {
            OperationResult r = op.run();
            DataCheckResult d = op.result();
            javafx.application.Platform.runLater(() -> session.live().dataChecked(d, r));
            return r;
        }
    }
}
