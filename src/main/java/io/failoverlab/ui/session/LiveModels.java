package io.failoverlab.ui.session;

import io.failoverlab.ui.data.DataCheckRow;
import io.failoverlab.ui.data.ProbeModel;
import io.failoverlab.ui.nodes.RoleChanges;
import io.failoverlab.ui.timeline.TimelineModel;
import io.failoverlab.ui.topology.TopologyModel;
import io.failoverlab.ui.topology.TopologyModel.MonitorMark;
import io.failoverlab.lab.StepIds;
import io.failoverlab.check.DataCheckResult;
import io.failoverlab.lab.ClusterSnapshot;
import io.failoverlab.lab.LabSpec;
import io.failoverlab.ops.OperationResult;
import io.failoverlab.ops.TimingProfiles;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The view models beside the node table, all filled from the same ClusterSnapshots (and the
 * action controller's start/end): the topology diagram, the failover timeline, role changes for
 * notifications, the data-check grid, the write probe and the timing profile in force. Lives
 * in the LabSession, so a rebuild of the scene (language switch) keeps them. FX thread.
 */
public final class LiveModels {
    private final ObjectProperty<TopologyModel> topology = new SimpleObjectProperty<>(TopologyModel.EMPTY);
    private final TimelineModel timeline = new TimelineModel();
    private final RoleChanges roles = new RoleChanges();
    private final List<Consumer<RoleChanges.Change>> roleListeners = new CopyOnWriteArrayList<>();
    private final ObservableList<DataCheckRow> dataCheck = FXCollections.observableArrayList();
    private final StringProperty dataCheckSummary = new SimpleStringProperty("");
    /** The summary as data, shown in the window's language when set. */
    private final ObjectProperty<io.failoverlab.lab.Msg> dataCheckMsg = new SimpleObjectProperty<>();
    private final StringProperty profile = new SimpleStringProperty("");
    private final ProbeModel probe;
    private Set<String> machinesOff = Set.of();

    /** nodes: where the probe reaches the data nodes (the engine's tunnels). */
    public LiveModels(LabSpec lab, ProbeModel.Nodes nodes, Executor background) {
        this.probe = new ProbeModel(lab, nodes, background);
    }

    /** For view-model tests: no probe I/O ever starts. */
    LiveModels(LabSpec lab, Executor background, Executor fx) {
        this.probe = new ProbeModel(lab, () -> io.failoverlab.ops.DataConnections.nodes(lab), background, fx);
    }

    public void apply(ClusterSnapshot s) {
        timeline.apply(s);
        TopologyModel was = topology.get();
        if (s.monitorReachable()) {
            topology.set(TopologyModel.of(s, machinesOff).withMonitor(true, was.monitor() == MonitorMark.LOST ? MonitorMark.BACK : was.monitor()));
        } else if (was.monitorUp()) {
            topology.set(was.withMonitor(false, MonitorMark.LOST));
        }
        for (RoleChanges.Change c : roles.next(s)) roleListeners.forEach(l -> l.accept(c));
    }

    /** Nodes whose machine is switched off now (MachinePowerWatch); the diagram says so at once. */
    public void machinesOff(Set<String> nodes) {
        if (nodes.equals(machinesOff)) return;
        machinesOff = Set.copyOf(nodes);
        topology.set(topology.get().withMachinesOff(machinesOff));
    }

    /** The lab stopped: the diagram empties; the timeline keeps its history. */
    public void notWatching() {
        topology.set(TopologyModel.EMPTY);
    }

    /** label: the action as the window names it; fault: it injects a fault (kill, stop). */
    public void actionStarted(String label, boolean fault) {
        timeline.actionStarted(label, fault, Instant.now());
    }

    /** A node event the monitor cannot see (a cut-off primary fencing itself): a mark in that node's lane. */
    public void nodeEvent(String node, String what, Instant at) {
        timeline.nodeEvent(node, what, at);
    }

    public void actionEnded(OperationResult r) {
        timeline.actionEnded(r, Instant.now());
        monitorReplaced(r);
    }

    /** A replaced monitor is marked so on the diagram (until it is lost again). */
    private void monitorReplaced(OperationResult r) {
        if (r.ok() && StepIds.REPLACE_MONITOR.equals(r.name())) topology.set(topology.get().withMonitor(true, MonitorMark.REPLACED));
    }

    /** As actionEnded, the marker named and explained as the window says them. */
    public void actionEnded(OperationResult r, String label, String text) {
        timeline.actionEnded(new OperationResult(label, r.ok(), r.seconds(), text, r.figures(), r.finalState(), r.msg()), Instant.now());
        monitorReplaced(r);
    }

    public void dataChecked(DataCheckResult r, String summary) {
        dataCheck.setAll(DataCheckRow.rowsOf(r));
        dataCheckSummary.set(summary == null ? "" : summary);
        dataCheckMsg.set(null);
    }

    public void dataChecked(DataCheckResult r, OperationResult op) {
        dataChecked(r, op.message());
        dataCheckMsg.set(op.msg());
    }

    /** Reads the monitor's timing settings on a background thread and shows the profile's name. */
    public void refreshProfile(LabSession s) {
        s.background().execute(() -> {
            String name = TimingProfiles.currentName(s.engine());
            Platform.runLater(() -> profile.set(name));
        });
    }

    public ObjectProperty<TopologyModel> topologyProperty() { return topology; }

    public TimelineModel timeline() { return timeline; }

    public ObservableList<DataCheckRow> dataCheck() { return dataCheck; }

    public StringProperty dataCheckSummaryProperty() { return dataCheckSummary; }

    public ObjectProperty<io.failoverlab.lab.Msg> dataCheckMsgProperty() { return dataCheckMsg; }

    public StringProperty profileProperty() { return profile; }

    public ProbeModel probe() { return probe; }

    public void onRoleChange(Consumer<RoleChanges.Change> l) { roleListeners.add(l); }

    public void removeRoleListener(Consumer<RoleChanges.Change> l) { roleListeners.remove(l); }
}
