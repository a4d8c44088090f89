package io.failoverlab.ui.nodes;

import io.failoverlab.lab.ClusterSnapshot;
import io.failoverlab.lab.NodeState;
import io.failoverlab.lab.NodeStatus;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The node-state table's model: turns each ClusterSnapshot into rows and tracks whether the
 * monitor answers. Call on the FX thread. An unreachable snapshot keeps the last rows (marked
 * stale) so the table shows what was last known instead of going blank.
 */
public final class ClusterViewModel {
    public enum Monitor { NOT_WATCHING, CONNECTING, REACHABLE, UNREACHABLE }

    private final ObservableList<NodeRow> rows = FXCollections.observableArrayList();
    private final ObjectProperty<Monitor> monitor = new SimpleObjectProperty<>(Monitor.NOT_WATCHING);
    private final StringProperty monitorError = new SimpleStringProperty("");
    private final ObjectProperty<ClusterSnapshot> last = new SimpleObjectProperty<>();
    /** name → (reported, assigned) last seen and since when; the monitor gives no state start time. */
    private final Map<String, Since> since = new HashMap<>();
    /** The node picked in the table for per-node actions; mirrored for background readers. */
    private final StringProperty selected = new SimpleStringProperty();
    private volatile String selectedName;

    private record Since(NodeState reported, NodeState assigned, Instant at) { }

    public ObservableList<NodeRow> rows() { return rows; }

    public ReadOnlyObjectProperty<Monitor> monitorProperty() { return monitor; }

    public ReadOnlyStringProperty monitorErrorProperty() { return monitorError; }

    public ReadOnlyObjectProperty<ClusterSnapshot> lastProperty() { return last; }

    public StringProperty selectedNodeProperty() { return selected; }

    /** Any thread: the node selected for per-node actions, or null. */
    public String selectedNode() { return selectedName; }

    /** FX thread. */
    public void selectNode(String name) {
        selectedName = name;
        selected.set(name);
    }

    public boolean stale() { return monitor.get() != Monitor.REACHABLE; }

    public void connecting() {
        monitor.set(Monitor.CONNECTING);
    }

    /** The console stopped watching (lab stopped or destroyed): nothing is known any more. */
    public void notWatching() {
        monitor.set(Monitor.NOT_WATCHING);
        monitorError.set("");
        rows.clear();
        since.clear();
    }

    public void apply(ClusterSnapshot s) {
        if (!s.monitorReachable()) {
            monitorError.set(s.error() == null ? "" : s.error());
            monitor.set(Monitor.UNREACHABLE);
            return;
        }
        List<NodeRow> next = new ArrayList<>(s.nodes().size());
        NodeStatus writable = s.writableNode().orElse(null);
        for (NodeStatus n : s.nodes()) next.add(new NodeRow(n, sinceOf(n, s.at()), NodeRow.lagBehind(n, writable), s.silent(n)));
        since.keySet().retainAll(s.nodes().stream().map(NodeStatus::name).toList());
        // replace only the rows that changed: a full setAll makes the table rebuild every row
        if (rows.size() != next.size() || !sameNodes(next)) {
            rows.setAll(next);
        } else {
            for (int i = 0; i < next.size(); i++) if (!rows.get(i).equals(next.get(i))) rows.set(i, next.get(i));
        }
        monitorError.set("");
        monitor.set(Monitor.REACHABLE);
        last.set(s);
    }

    private boolean sameNodes(List<NodeRow> next) {
        for (int i = 0; i < next.size(); i++) if (!rows.get(i).name().equals(next.get(i).name())) return false;
        return true;
    }

    private Instant sinceOf(NodeStatus n, Instant at) {
        Since prev = since.get(n.name());
        if (prev != null && prev.reported == n.reportedState() && prev.assigned == n.assignedState()) return prev.at;
        since.put(n.name(), new Since(n.reportedState(), n.assignedState(), at));
        return at;
    }

    public long count(NodeState reportedAndAssigned) {
        return rows.stream().filter(r -> r.reported() == reportedAndAssigned && r.assigned() == reportedAndAssigned).count();
    }
}
