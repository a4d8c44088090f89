package io.failoverlab.ui.actions;

import io.failoverlab.lab.AddedNodes;
import io.failoverlab.ops.AddNode;
import io.failoverlab.ops.DropNode;
import io.failoverlab.ops.Failover;
import io.failoverlab.ops.FaultWithoutMonitor;
import io.failoverlab.ops.KillMonitor;
import io.failoverlab.ops.Heal;
import io.failoverlab.ops.KillPrimary;
import io.failoverlab.ops.Maintenance;
import io.failoverlab.ops.Partition;
import io.failoverlab.ops.Promote;
import io.failoverlab.ops.ReplaceMonitor;
import io.failoverlab.ops.StartMonitor;
import io.failoverlab.ops.StartNode;
import io.failoverlab.ops.StepsOperation;
import io.failoverlab.ops.ThreeNodeScenario;
import io.failoverlab.ops.StopMonitor;
import io.failoverlab.ops.Switchover;
import io.failoverlab.ops.TimingProfiles;
import io.failoverlab.pgaf.TimingProfile;
import io.failoverlab.ui.session.LabSession;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import static io.failoverlab.ui.actions.SelectedNode.confirmOnNode;
import static io.failoverlab.ui.actions.SelectedNode.onSelected;

/**
 * The one catalogue of what the window can do, in toolbar order: build, switchover, the HA
 * exercise's faults and node actions, timing profiles, data check, stop and destroy. Adding one
 * is one entry here plus its label key (and &lt;key&gt;.hint, the line under its name in a
 * menu) in both message bundles. Group and fault are fields of the entry; every engine call
 * runs on the lab's runner.
 */
public final class Actions {
    private final List<ConsoleAction> all = new ArrayList<>();

    public static Actions standard() {
        return new Actions()
                .add(ConsoleAction.of("build", "action.build", s -> new StepsOperation("build lab", s.engine()::up))
                        .confirm(new InstallCheck()).rebuildingLab().onSuccess(LabSession::watchMonitor))
                .add(ConsoleAction.of("switchover", "action.switchover", s -> new Switchover(s.engine())))
                .add(ConsoleAction.of("failover", "action.failover", s -> new Failover(s.engine())).destructive())
                .add(kill("kill-postgres", "action.kill.postgres", KillPrimary.Mode.POSTGRES))
                .add(kill("kill-node", "action.kill.node", KillPrimary.Mode.NODE))
                .add(kill("kill-vm", "action.kill.vm", KillPrimary.Mode.VM))
                .add(kill("kill-network", "action.kill.network", KillPrimary.Mode.NETWORK))
                .add(node("node-partition", "action.node.partition", s -> onSelected(s, n -> FaultWithoutMonitor.partition(s.engine(), n, Partition.From.ALL)))
                        .confirm(confirmOnNode("node-partition")).asFault())
                .add(node("node-heal", "action.node.heal", s -> new Heal(s.engine(), null)))
                .add(node("node-promote", "action.node.promote", s -> onSelected(s, n -> new Promote(s.engine(), n)))
                        .confirm(confirmOnNode("node-promote")))
                .add(node("node-maintenanceOn", "action.node.maintenanceOn", s -> onSelected(s, n -> new Maintenance(s.engine(), n, true)))
                        .confirm(confirmOnNode("node-maintenanceOn")))
                .add(node("node-maintenanceOff", "action.node.maintenanceOff", s -> onSelected(s, n -> new Maintenance(s.engine(), n, false))))
                .add(node("node-stop", "action.node.stop", s -> onSelected(s, n -> FaultWithoutMonitor.stopNode(s.engine(), n)))
                        .confirm(confirmOnNode("node-stop")).asFault())
                .add(node("node-start", "action.node.start", s -> onSelected(s, n -> new StartNode(s.engine(), n))))
                .add(node("node-drop", "action.node.drop", s -> onSelected(s, n -> new DropNode(s.engine(), n)))
                        .confirm(confirmOnNode("node-drop")).asFault())
                .add(node("node-readd", "action.node.readd", s -> new AddNode(s.engine(), null)))
                .add(node("node-add", "action.node.add", s -> new AddNode(s.engine(), AddedNodes.nextName(s.engine().spec()), null, s.runtime().addedNodes())))
                .add(node("scenario-three", "action.scenario.three", s -> new StepsOperation("scenario three-nodes",
                        () -> new ThreeNodeScenario(s.engine(), TimingProfile.FAST, s.runtime().addedNodes()).run().steps())).destructive())
                .add(ConsoleAction.of("monitor-stop", "action.monitor.stop", s -> new StopMonitor(s.engine()))
                        .inGroup("monitor").destructive().asFault())
                .add(ConsoleAction.of("monitor-start", "action.monitor.start", s -> new StartMonitor(s.engine())).inGroup("monitor"))
                .add(ConsoleAction.of("monitor-kill", "action.monitor.kill", s -> new KillMonitor(s.engine(), KillMonitor.Mode.PROCESS))
                        .inGroup("monitor").destructive().asFault())
                .add(ConsoleAction.of("monitor-kill-vm", "action.monitor.killVm", s -> new KillMonitor(s.engine(), KillMonitor.Mode.VM))
                        .inGroup("monitor").destructive().asFault())
                .add(ConsoleAction.of("monitor-replace", "action.monitor.replace", s -> new ReplaceMonitor(s.engine(), null))
                        .inGroup("monitor").destructive())
                .add(ConsoleAction.of("monitor-replace-machine", "action.monitor.replaceMachine", s -> new ReplaceMonitor(s.engine(), null, true))
                        .inGroup("monitor").destructive())
                .add(profile("profile-fast", "action.profile.fast", TimingProfile.FAST))
                .add(profile("profile-default", "action.profile.default", TimingProfile.DEFAULT))
                .add(ConsoleAction.of("datacheck", "action.datacheck", DataCheckRun::new))
                .add(ConsoleAction.of("stop", "action.stop", s -> new StepsOperation("stop lab", () -> s.engine().down(false)))
                        .destructive().afterwards((s, r) -> s.stopWatching()))
                .add(ConsoleAction.of("destroy", "action.destroy", s -> new StepsOperation("destroy lab", () -> s.destroyLab()))
                        .destructive().afterwards((s, r) -> s.stopWatching()));
    }

    private static ConsoleAction kill(String id, String labelKey, KillPrimary.Mode mode) {
        // with the monitor down it reads the nodes themselves (FaultWithoutMonitor)
        return ConsoleAction.of(id, labelKey, s -> FaultWithoutMonitor.killPrimary(s.engine(), mode)).inGroup("kill").destructive().asFault();
    }

    private static ConsoleAction node(String id, String labelKey,
                                      java.util.function.Function<LabSession, io.failoverlab.ops.OperationRunner.Operation> op) {
        return ConsoleAction.of(id, labelKey, op).inGroup("node");
    }

    private static ConsoleAction profile(String id, String labelKey, TimingProfile p) {
        return ConsoleAction.of(id, labelKey, s -> TimingProfiles.apply(s.engine(), p)).inGroup("profile")
                .afterwards((s, r) -> s.live().refreshProfile(s));
    }

    public Actions add(ConsoleAction a) {
        if (find(a.id()).isPresent()) throw new IllegalArgumentException("duplicate action id " + a.id());
        all.add(a);
        return this;
    }

    public List<ConsoleAction> all() { return Collections.unmodifiableList(all); }

    public Optional<ConsoleAction> find(String id) {
        return all.stream().filter(a -> a.id().equals(id)).findFirst();
    }

    /** The toolbar group of an action id, or null for a plain button or an unknown id. */
    public String groupOf(String id) { return find(id).map(ConsoleAction::group).orElse(null); }

    /** The scene-graph id of an action's button or menu entry. */
    public static String nodeId(String actionId) { return "action-" + actionId; }
}
