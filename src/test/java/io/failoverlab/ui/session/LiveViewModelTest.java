package io.failoverlab.ui.session;

import io.failoverlab.ui.actions.Actions;
import io.failoverlab.ui.data.ConnectionStrings;
import io.failoverlab.ui.data.DataCheckPane;
import io.failoverlab.ui.data.DataCheckRow;
import io.failoverlab.ui.data.ProbeModel;
import io.failoverlab.ui.steps.LabPanel;
import io.failoverlab.ui.app.Messages;
import io.failoverlab.ui.nodes.NodeRow;
import io.failoverlab.ui.nodes.RoleChanges;
import io.failoverlab.ui.Snapshots;
import io.failoverlab.ui.timeline.TimelineModel;
import io.failoverlab.ui.timeline.TimelineView;
import io.failoverlab.ui.topology.TopologyModel;
import io.failoverlab.check.DataCheckResult;
import io.failoverlab.check.NodeDataResult;
import io.failoverlab.check.PgNode;
import io.failoverlab.lab.ClusterSnapshot;
import io.failoverlab.lab.LabSpec;
import io.failoverlab.lab.NodeState;
import io.failoverlab.lab.SslMode;
import io.failoverlab.ops.OperationResult;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.failoverlab.ui.Snapshots.node;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The models beside the table, without a toolkit or a cluster: timeline, diagram, role changes, data check, connections. */
class LiveViewModelTest {
    static final Instant T0 = Instant.parse("2025-01-01T10:00:00Z");

    /** A failover as the monitor reports it: node1 primary dies, node2 takes over, node1 comes back secondary. */
    static List<ClusterSnapshot> failover() {
        return List.of(
                Snapshots.stable(T0),
                Snapshots.stable(T0.plusSeconds(5)), // nothing changed: no new segment
                Snapshots.of(T0.plusSeconds(10), node("node1", 1, 6001, NodeState.PRIMARY, NodeState.DRAINING),
                        node("node2", 2, 6002, NodeState.SECONDARY, NodeState.PREPARE_PROMOTION)),
                Snapshots.of(T0.plusSeconds(12), node("node1", 1, 6001, NodeState.PRIMARY, NodeState.DEMOTED),
                        node("node2", 2, 6002, NodeState.WAIT_PRIMARY, NodeState.WAIT_PRIMARY)),
                Snapshots.of(T0.plusSeconds(40), node("node1", 1, 6001, NodeState.SECONDARY, NodeState.SECONDARY),
                        node("node2", 2, 6002, NodeState.PRIMARY, NodeState.PRIMARY)));
    }

    @Test
    void timelineMakesASegmentPerStateChangeAndClosesThePreviousOne() {
        TimelineModel t = new TimelineModel();
        failover().forEach(t::apply);
        assertEquals(List.of("node1", "node2"), t.lanes());
        List<TimelineModel.Segment> n1 = t.segments("node1");
        assertEquals(4, n1.size(), n1::toString);
        assertEquals(NodeState.PRIMARY, n1.get(0).reported());
        assertEquals(T0, n1.get(0).from());
        assertEquals(T0.plusSeconds(10), n1.get(0).to());
        assertEquals(NodeState.DRAINING, n1.get(1).assigned());
        assertEquals("state-primary", n1.get(1).styleClass());
        assertTrue(n1.get(3).open());
        assertEquals(NodeState.SECONDARY, n1.get(3).reported());
        List<TimelineModel.Segment> n2 = t.segments("node2");
        assertEquals(List.of(NodeState.SECONDARY, NodeState.SECONDARY, NodeState.WAIT_PRIMARY, NodeState.PRIMARY),
                n2.stream().map(TimelineModel.Segment::reported).toList());
        assertEquals("state-primary-degraded", n2.get(2).styleClass());
        assertEquals(T0, t.first());
    }

    @Test
    void timelineIgnoresAnUnreachableMonitorAndEndsTheLaneOfADroppedNode() {
        TimelineModel t = new TimelineModel();
        t.apply(Snapshots.stable(T0));
        t.apply(ClusterSnapshot.unreachable("connection refused"));
        // the lanes keep their last state; only the span the monitor is down opens (MonitorMarksTest)
        assertTrue(t.segments("node1").get(0).open() && t.segments("node2").get(0).open());
        assertTrue(t.monitorGaps().get(0).open());
        t.apply(Snapshots.of(T0.plusSeconds(3), node("node1", 1, 6001, NodeState.SINGLE, NodeState.SINGLE)));
        assertFalse(t.segments("node2").get(0).open());
        assertEquals(T0.plusSeconds(3), t.segments("node2").get(0).to());
        assertEquals(2, t.segments("node1").size());
    }

    @Test
    void timelineMarkersCarryActionsFaultsAndTheMeasuredFigures() {
        TimelineModel t = new TimelineModel();
        t.actionStarted("Kill primary node", true, T0);
        t.actionEnded(OperationResult.ok("kill-primary node", 9.1, "done",
                Map.of("expectedFailoverSeconds", 9.0, "failoverSeconds", 7.31, "writeDowntimeSeconds", 7.5, "rows.node1", 3.0,
                        "postgresRestartSeconds", -1.0), null), T0.plusSeconds(9));
        t.actionEnded(OperationResult.failed("switchover", 1, "no", null), T0.plusSeconds(20));
        assertEquals(3, t.markers().size());
        assertEquals(TimelineModel.Kind.FAULT, t.markers().get(0).kind());
        assertTrue(t.markers().get(0).start());
        TimelineModel.Marker end = t.last(TimelineModel.Kind.END_OK).orElseThrow();
        assertEquals(List.of("failoverSeconds", "writeDowntimeSeconds", "expectedFailoverSeconds"),
                TimelineModel.shownFigures(end).stream().map(Map.Entry::getKey).toList());
        assertEquals(TimelineModel.Kind.END_FAILED, t.markers().get(2).kind());
    }

    @Test
    void timelinePartitionMarksTheCutNodesLaneAndWritesThePartitionFigures() {
        TimelineModel t = new TimelineModel();
        t.actionStarted("Cut primary off the network", true, T0);
        t.nodeEvent("node1", "cut off from the monitor and the other nodes", T0.plusMillis(300));
        t.nodeEvent("node1", "fenced itself (Postgres stopped) 3.1 s after the cut", T0.plusSeconds(3));
        t.actionEnded(OperationResult.ok("kill-primary network", 9, "done", Map.of("selfDemoteSeconds", 3.1,
                "partitionFailoverSeconds", 7.9, "acknowledgedOnOldPrimaryAfterPromotion", 0.0, "expectedFailoverSeconds", 7.0), null),
                T0.plusSeconds(9));
        List<TimelineModel.Marker> lane = t.markers().stream().filter(m -> m.kind() == TimelineModel.Kind.NODE).toList();
        assertEquals(2, lane.size());
        assertEquals("node1", lane.get(1).name());
        assertFalse(lane.get(1).start(), "a node mark is no action start");
        assertEquals(List.of("partitionFailoverSeconds", "selfDemoteSeconds", "expectedFailoverSeconds"),
                TimelineModel.shownFigures(t.last(TimelineModel.Kind.END_OK).orElseThrow()).stream().map(Map.Entry::getKey).toList());
    }

    @Test
    void timelineRangeIsAtLeastAMinuteAndAtMostTenMinutes() {
        Instant[] r = TimelineView.range(T0, T0.plusSeconds(5));
        assertEquals(T0, r[0]);
        assertEquals(T0.plusSeconds(60), r[1]);
        r = TimelineView.range(T0, T0.plusSeconds(3600));
        assertEquals(T0.plusSeconds(3000), r[0]);
        assertEquals(T0.plusSeconds(3600), r[1]);
        // an action 25 min in: the picture starts 20 s before it, not at the lab's first state
        r = TimelineView.range(T0, T0.plusSeconds(1500), T0.plusSeconds(1540));
        assertEquals(T0.plusSeconds(1480), r[0]);
        assertEquals(T0.plusSeconds(1540), r[1]);
        // an action older than the ten minutes shown changes nothing
        r = TimelineView.range(T0, T0.plusSeconds(100), T0.plusSeconds(3600));
        assertEquals(T0.plusSeconds(3000), r[0]);
    }

    @Test
    void diagramPutsThePrimaryFirstWithAnArrowToEachStandby() {
        TopologyModel t = TopologyModel.of(Snapshots.of(T0, node("node2", 2, 6002, NodeState.SECONDARY, NodeState.SECONDARY),
                node("node1", 1, 6001, NodeState.PRIMARY, NodeState.PRIMARY),
                node("node3", 3, 6003, NodeState.CATCHINGUP, NodeState.SECONDARY)));
        assertTrue(t.monitorUp());
        assertEquals(List.of("node1", "node2", "node3"), t.nodes().stream().map(TopologyModel.Node::name).toList());
        assertEquals(NodeRow.Role.PRIMARY, t.node("node1").orElseThrow().role());
        assertEquals("state-primary", t.node("node1").orElseThrow().styleClass());
        assertEquals(List.of(new TopologyModel.Edge("node1", "node2", true), new TopologyModel.Edge("node1", "node3", false)), t.edges());
        assertTrue(t.node("node3").orElseThrow().inTransition());

        // after the failover the arrow turns round
        List<ClusterSnapshot> f = failover();
        TopologyModel after = TopologyModel.of(f.get(f.size() - 1));
        assertEquals("node2", after.primary().orElseThrow().name());
        assertEquals(List.of(new TopologyModel.Edge("node2", "node1", true)), after.edges());
        // mid-failover: the dead node1 still reports primary but is assigned demoted; node2 writes
        TopologyModel mid = TopologyModel.of(f.get(3));
        assertEquals("node2", mid.primary().orElseThrow().name());
        assertEquals(NodeRow.Role.NONE, mid.node("node1").orElseThrow().role());
        assertTrue(mid.edges().isEmpty());
        assertEquals(TopologyModel.EMPTY, TopologyModel.of(null));
    }

    @Test
    void roleChangesAnnounceSettledRolesOnly() {
        RoleChanges r = new RoleChanges();
        List<RoleChanges.Change> all = new java.util.ArrayList<>();
        failover().forEach(s -> all.addAll(r.next(s)));
        assertEquals(List.of(new RoleChanges.Change("node2", NodeRow.Role.STANDBY, NodeRow.Role.PRIMARY),
                new RoleChanges.Change("node1", NodeRow.Role.PRIMARY, NodeRow.Role.STANDBY)), all);
        assertTrue(r.next(ClusterSnapshot.unreachable("x")).isEmpty());
    }

    @Test
    void liveModelsFeedEveryViewFromTheSameSnapshots() {
        LiveModels live = new LiveModels(lab(), Runnable::run, Runnable::run);
        List<RoleChanges.Change> heard = new java.util.ArrayList<>();
        live.onRoleChange(heard::add);
        failover().forEach(live::apply);
        assertEquals("node2", live.topologyProperty().get().primary().orElseThrow().name());
        assertEquals(4, live.timeline().segments("node1").size());
        assertEquals(2, heard.size());
        live.apply(ClusterSnapshot.unreachable("gone"));
        assertFalse(live.topologyProperty().get().monitorUp());
        assertEquals(2, live.topologyProperty().get().nodes().size(), "the last known nodes stay drawn");
        live.notWatching();
        assertEquals(TopologyModel.EMPTY, live.topologyProperty().get());
    }

    @Test
    void dataCheckGridShowsTheStandbysReadOnlyRefusalAsExpected() {
        PgNode p1 = new PgNode("node1", "127.0.0.1", 6001), p2 = new PgNode("node2", "127.0.0.1", 6002), p3 = new PgNode("node3", "127.0.0.1", 6003);
        DataCheckResult r = new DataCheckResult("ha_test", T0, List.of(
                new NodeDataResult(p1, true, null, true, 1_000_010L, 1_000_010L, false, false,
                        NodeDataResult.WriteOutcome.ACCEPTED, false, null, null),
                new NodeDataResult(p2, true, null, true, 1_000_010L, 1_000_010L, true, true,
                        NodeDataResult.WriteOutcome.REFUSED_READ_ONLY, true, "25006", "cannot execute INSERT in a read-only transaction"),
                new NodeDataResult(p3, false, "Connection refused", false, null, null, null, null,
                        NodeDataResult.WriteOutcome.NOT_TRIED, false, null, null)));
        List<DataCheckRow> rows = DataCheckRow.rowsOf(r);
        assertEquals(3, rows.size());
        assertEquals("1,000,010", rows.get(0).countText());
        assertEquals("1000010", rows.get(0).maxText());
        assertEquals("primary", rows.get(0).role());
        assertEquals("dc-ok", rows.get(0).writeStyleClass());
        assertEquals(DataCheckRow.Write.REFUSED_AS_EXPECTED, rows.get(1).write());
        assertEquals("dc-expected", rows.get(1).writeStyleClass());
        assertEquals("standby", rows.get(1).role());
        assertEquals(Boolean.TRUE, rows.get(1).readOnly());
        assertEquals("cannot execute INSERT in a read-only transaction", rows.get(1).writeMessage());
        assertFalse(rows.get(2).reachable());
        assertEquals("—", rows.get(2).countText());
        assertEquals("Connection refused", rows.get(2).error());
        assertTrue(DataCheckRow.rowsOf(null).isEmpty());

        LiveModels live = new LiveModels(lab(), Runnable::run, Runnable::run);
        live.dataChecked(r, "Kept the existing ha_test");
        assertEquals(3, live.dataCheck().size());
        assertEquals("Kept the existing ha_test", live.dataCheckSummaryProperty().get());
        // the grid's words for the standby: green/neutral, not an error
        DataCheckPane pane = new DataCheckPane(null, Messages.of(java.util.Locale.ENGLISH));
        assertEquals("refused as expected: cannot execute INSERT in a read-only transaction", pane.writeText(rows.get(1)));
    }

    @Test
    void connectionStringsGiveTheMultiHostUriAndAPsqlPerNode() {
        LabSpec lab = lab();
        String host = lab.hostOf(lab.nodes.get(0)).address;
        assertEquals("postgres://postgres@" + host + ":6001," + host + ":6002/ha-demo?target_session_attrs=read-write&sslmode=require",
                ConnectionStrings.multiHostUri(lab));
        List<ConnectionStrings.NodeCommand> psql = ConnectionStrings.psqlCommands(lab);
        assertEquals(2, psql.size());
        assertEquals("node1", psql.get(0).node());
        assertEquals("psql \"postgres://postgres@" + host + ":6001/ha-demo?sslmode=require\"", psql.get(0).psql());
        lab.ssl = SslMode.NONE;
        lab.database = "my db";
        assertEquals("postgres://postgres@" + host + ":6001," + host + ":6002/my%20db?target_session_attrs=read-write",
                ConnectionStrings.multiHostUri(lab));
        assertEquals("psql \"postgres://postgres@" + host + ":6002/my%20db\"", ConnectionStrings.psqlCommands(lab).get(1).psql());
        assertTrue(ConnectionStrings.psqlPrimary(lab).startsWith("psql \"postgres://"));
    }

    @Test
    void probeTriesTheCurrentPrimaryFirst() {
        List<ClusterSnapshot> f = failover();
        assertEquals(List.of("node2", "node1"), ProbeModel.ordered(io.failoverlab.ops.DataConnections.nodes(lab()), f.get(f.size() - 1)).stream().map(PgNode::name).toList());
        assertEquals(List.of("node1", "node2"), ProbeModel.ordered(io.failoverlab.ops.DataConnections.nodes(lab()), null).stream().map(PgNode::name).toList());
    }

    @Test
    void labPanelShortensLongPathsOnScreen() {
        assertEquals("1 host(s) reachable; data folder …/lab", LabPanel.shortPaths("1 host(s) reachable; data folder /tmp/failoverlab-ui-it-123/lab"));
        assertEquals("keeper …/node1.pid, port 6001", LabPanel.shortPaths("keeper /var/lib/x/node1.pid, port 6001"));
        assertEquals("short /tmp/x stays", LabPanel.shortPaths("short /tmp/x stays"));
        assertNull(Actions.standard().groupOf("datacheck"));
    }

    static LabSpec lab() {
        return LabSpec.local("/tmp/unused-lab", 6000, 6001, 6002);
    }
}
