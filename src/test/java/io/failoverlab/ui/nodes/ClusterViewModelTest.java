package io.failoverlab.ui.nodes;

import io.failoverlab.ui.session.SnapshotPump;
import io.failoverlab.ui.Snapshots;
import io.failoverlab.lab.ClusterSnapshot;
import io.failoverlab.lab.NodeState;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.failoverlab.ui.Snapshots.node;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Snapshots → table rows, transitions, colours and monitor reachability, without a cluster or a window. */
class ClusterViewModelTest {
    final ClusterViewModel vm = new ClusterViewModel();
    final Instant t0 = Instant.parse("2025-01-01T10:00:00Z");

    @Test
    void snapshotBecomesRows() {
        vm.apply(Snapshots.stable(t0));
        assertEquals(List.of("node1", "node2"), vm.rows().stream().map(NodeRow::name).toList());
        NodeRow p = vm.rows().get(0);
        assertEquals(NodeRow.Role.PRIMARY, p.role());
        assertEquals(NodeState.Connection.READ_WRITE, p.connection());
        assertEquals("127.0.0.1:6001", p.hostPort());
        assertEquals("1: 0/3000148", p.tliLsn());
        assertEquals(NodeRow.Role.STANDBY, vm.rows().get(1).role());
        assertEquals(NodeState.Connection.READ_ONLY, vm.rows().get(1).connection());
        assertEquals(ClusterViewModel.Monitor.REACHABLE, vm.monitorProperty().get());
        assertEquals(1, vm.count(NodeState.PRIMARY));
        assertEquals(1, vm.count(NodeState.SECONDARY));
    }

    @Test
    void reportedDifferentFromAssignedIsATransition() {
        vm.apply(Snapshots.of(t0, node("node1", 1, 6001, NodeState.PRIMARY, NodeState.DRAINING),
                node("node2", 2, 6002, NodeState.SECONDARY, NodeState.PREPARE_PROMOTION)));
        assertTrue(vm.rows().stream().allMatch(NodeRow::inTransition));
        vm.apply(Snapshots.stable(t0.plusSeconds(1)));
        assertFalse(vm.rows().stream().anyMatch(NodeRow::inTransition));
    }

    @Test
    void statesMapToStyleClassesByMeaning() {
        assertEquals("state-primary", NodeRow.styleClass(NodeState.PRIMARY));
        assertEquals("state-primary", NodeRow.styleClass(NodeState.SINGLE));
        assertEquals("state-primary-degraded", NodeRow.styleClass(NodeState.WAIT_PRIMARY));
        assertEquals("state-secondary", NodeRow.styleClass(NodeState.SECONDARY));
        assertEquals("state-transitioning", NodeRow.styleClass(NodeState.CATCHINGUP));
        assertEquals("state-down", NodeRow.styleClass(NodeState.DEMOTED));
        assertEquals("state-maintenance", NodeRow.styleClass(NodeState.MAINTENANCE));
    }

    @Test
    void timeInStateKeepsItsStartUntilTheStateChanges() {
        vm.apply(Snapshots.stable(t0));
        vm.apply(Snapshots.stable(t0.plusSeconds(30)));
        assertEquals(t0, vm.rows().get(0).stateSince());
        vm.apply(Snapshots.of(t0.plusSeconds(40), node("node1", 1, 6001, NodeState.PRIMARY, NodeState.DRAINING),
                node("node2", 2, 6002, NodeState.SECONDARY, NodeState.SECONDARY)));
        assertEquals(t0.plusSeconds(40), vm.rows().get(0).stateSince());
        assertEquals(t0, vm.rows().get(1).stateSince());
    }

    @Test
    void unreachableMonitorKeepsLastRowsAndSaysSo() {
        vm.apply(Snapshots.stable(t0));
        vm.apply(ClusterSnapshot.unreachable("connection refused"));
        assertEquals(ClusterViewModel.Monitor.UNREACHABLE, vm.monitorProperty().get());
        assertEquals("connection refused", vm.monitorErrorProperty().get());
        assertEquals(2, vm.rows().size());
        assertTrue(vm.stale());
        vm.apply(Snapshots.stable(t0.plusSeconds(5)));
        assertEquals(ClusterViewModel.Monitor.REACHABLE, vm.monitorProperty().get());
        assertEquals("", vm.monitorErrorProperty().get());
    }

    @Test
    void notWatchingForgetsRows() {
        vm.apply(Snapshots.stable(t0));
        vm.notWatching();
        assertTrue(vm.rows().isEmpty());
        assertEquals(ClusterViewModel.Monitor.NOT_WATCHING, vm.monitorProperty().get());
    }

    @Test
    void pumpCoalescesBurstsToTheNewest() {
        List<Runnable> fxQueue = new ArrayList<>();
        SnapshotPump pump = new SnapshotPump(fxQueue::add, vm::apply);
        for (int i = 0; i < 1000; i++) pump.accept(Snapshots.stable(t0.plusSeconds(i)));
        assertEquals(1, fxQueue.size(), "one hand-over for a burst");
        fxQueue.remove(0).run();
        assertEquals(t0.plusSeconds(999), vm.lastProperty().get().at());
        pump.accept(Snapshots.stable(t0.plusSeconds(2000)));
        assertEquals(1, fxQueue.size());
    }

    @Test
    void replicationLagIsTheStandbysDistanceBehindThePrimaryLsn() {
        ClusterViewModel vm = new ClusterViewModel();
        io.failoverlab.lab.NodeStatus p = new io.failoverlab.lab.NodeStatus("node1", 1, 0, "127.0.0.1", 6001, NodeState.PRIMARY, NodeState.PRIMARY,
                io.failoverlab.lab.NodeStatus.Health.GOOD, 1, "1/00000800", 50, true, 0.1, 0.1, true);
        io.failoverlab.lab.NodeStatus s = new io.failoverlab.lab.NodeStatus("node2", 2, 0, "127.0.0.1", 6002, NodeState.SECONDARY, NodeState.SECONDARY,
                io.failoverlab.lab.NodeStatus.Health.GOOD, 1, "0/FFFFFC00", 50, true, 0.1, 0.1, true);
        vm.apply(Snapshots.of(Instant.now(), p, s));
        assertEquals("—", vm.rows().get(0).lagText(), "the primary has no lag");
        assertEquals(3072L, vm.rows().get(1).lagBytes());
        assertEquals("3.0 kB", vm.rows().get(1).lagText());
        assertEquals(-1, NodeRow.lsn("garbage"));
    }

    @Test
    void anUnchangedSnapshotLeavesTheRowsAlone() {
        ClusterViewModel vm = new ClusterViewModel();
        Instant t = Instant.now();
        vm.apply(Snapshots.stable(t));
        List<String> changes = new ArrayList<>();
        vm.rows().addListener((javafx.collections.ListChangeListener<NodeRow>) c -> changes.add(c.toString()));
        vm.apply(Snapshots.stable(t));
        assertEquals(List.of(), changes);
        vm.apply(Snapshots.of(t, node("node1", 1, 6001, NodeState.PRIMARY, NodeState.PRIMARY),
                node("node2", 2, 6002, NodeState.SECONDARY, NodeState.CATCHINGUP)));
        assertEquals(1, changes.size(), "only node2's row was replaced: " + changes);
    }
}
