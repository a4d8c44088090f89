package io.failoverlab.pgaf;

import io.failoverlab.testing.ClusterTest;
import io.failoverlab.lab.ClusterSnapshot;
import io.failoverlab.lab.LabException;
import io.failoverlab.lab.LogLine;
import io.failoverlab.lab.NodeState;
import io.failoverlab.lab.NodeStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * MonitorClient against a real pg_auto_failover 2.0 monitor and one data node on loopback, started
 * here as postgres in a temp folder and stopped afterwards (by their own PIDs only).
 */
@ClusterTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MonitorClientTest {
    private static final String FORMATION = "default";

    private LocalPgafHost host;
    private int monitorPort;
    private int nodePort;
    private String monitorUri;
    private MonitorClient client;
    private MonitorWatcher watcher;
    private final List<ClusterSnapshot> snapshots = new CopyOnWriteArrayList<>();
    private final List<LogLine> logs = new CopyOnWriteArrayList<>();
    private final List<StateNotification> states = new CopyOnWriteArrayList<>();

    @BeforeAll
    void startMonitor() throws Exception {
        host = new LocalPgafHost();
        monitorPort = LocalPgafHost.freePort();
        nodePort = LocalPgafHost.freePort();
        host.createMonitor("monitor", monitorPort);
        // read before the keeper starts: a starting keeper rewrites the configuration file show uri reads
        monitorUri = host.monitorUri("monitor");
        host.run("monitor");
        client = MonitorClient.connect("127.0.0.1", monitorPort, "require", MonitorClient.USER, null);
        waitFor("the monitor to answer", Duration.ofSeconds(60), () -> {
            try {
                return client.snapshot(FORMATION).monitorReachable();
            } catch (LabException e) {
                return false;
            }
        });
        watcher = client.watch(FORMATION, snapshots::add, logs::add, states::add);
    }

    @AfterAll
    void stopAll() {
        if (client != null) client.close();
        if (host != null) host.close();
    }

    @Test
    @Order(1)
    void watcherSeesTheFirstNodeBecomeSingle() throws Exception {
        waitFor("the watcher's first snapshot", Duration.ofSeconds(10), () -> !snapshots.isEmpty());
        assertTrue(snapshots.get(0).monitorReachable());
        assertTrue(snapshots.get(0).nodes().isEmpty(), "no node registered yet");

        host.createNode("node1", nodePort, "ha-demo", monitorUri);
        host.run("node1");
        waitFor("node1 to reach single", Duration.ofSeconds(120), () -> snapshots.stream().anyMatch(s ->
                s.node("node1").map(n -> n.reportedState() == NodeState.SINGLE
                        && n.assignedState() == NodeState.SINGLE).orElse(false)));

        NodeStatus n = last().node("node1").orElseThrow();
        assertEquals("127.0.0.1", n.host());
        assertEquals(nodePort, n.port());
        assertEquals(Boolean.TRUE, n.pgIsRunning());
        assertTrue(n.reportLagSeconds() >= 0 && n.reportLagSeconds() < 30, "report lag " + n.reportLagSeconds());
        // the watcher saw node1 on its way (init before single), not only the end state
        assertTrue(snapshots.stream().anyMatch(s -> s.node("node1").map(x -> x.reportedState() != NodeState.SINGLE)
                .orElse(false)), "an intermediate state was delivered");
        assertTrue(logs.stream().anyMatch(l -> l.source().equals("monitor") && l.level() == LogLine.Level.EVENT
                && l.text().contains("node1")), "monitor log lines: " + logs);
        assertTrue(states.stream().anyMatch(s -> s.name().equals("node1") && s.goalState() == NodeState.SINGLE
                && s.port() == nodePort), "state notifications: " + states);
    }

    @Test
    @Order(2)
    void snapshotAgreesWithShowStateJson() throws Exception {
        String json = host.pgautoctl("show state --json --formation " + FORMATION + " --monitor '" + monitorUri + "'",
                Duration.ofSeconds(30)).stdout();
        List<NodeStatus> cli = ShowStateJson.parse(json);
        List<NodeStatus> sql = client.snapshot(FORMATION).nodes();
        assertEquals(1, cli.size(), json);
        assertEquals(comparable(cli), comparable(sql));
    }

    @Test
    @Order(3)
    void lastEventsTellTheStory() {
        List<MonitorEvent> events = client.lastEvents(FORMATION, 50);
        assertFalse(events.isEmpty());
        assertTrue(events.stream().anyMatch(e -> "node1".equals(e.nodeName()) && e.goalState() == NodeState.SINGLE),
                events.toString());
        for (int i = 1; i < events.size(); i++) {
            assertTrue(events.get(i - 1).eventId() < events.get(i).eventId(), "oldest first");
        }
        assertEquals(2, client.lastEvents(FORMATION, 2).size());
    }

    /**
     * The shared connection cut by the server (as a monitor restart or a dropped tunnel would): the
     * next read is read again on a new connection instead of reporting a failure of the monitor.
     */
    @Test
    @Order(7)
    void aReadAfterTheSharedConnectionBrokeIsReadAgain() throws Exception {
        client.snapshot(FORMATION);
        host.psql("monitor", "pg_auto_failover", "select pg_terminate_backend(pid) from pg_stat_activity"
                + " where application_name = '" + MonitorClient.APP_NAME + "'");
        assertEquals(1, client.snapshot(FORMATION).nodes().size());
    }

    @Test
    @Order(4)
    void actionsGoThroughTheSqlApi() throws Exception {
        assertTrue(client.setCandidatePriority(FORMATION, "node1", 60));
        assertEquals(60, client.snapshot(FORMATION).node("node1").orElseThrow().candidatePriority());
        assertTrue(client.setReplicationQuorum(FORMATION, "node1", false));
        assertFalse(client.snapshot(FORMATION).node("node1").orElseThrow().replicationQuorum());
        assertTrue(client.setReplicationQuorum(FORMATION, "node1", true));

        String uri = client.formationUri(FORMATION, "require");
        assertTrue(uri.contains("127.0.0.1:" + nodePort) && uri.contains("ha-demo") && uri.contains("sslmode=require"), uri);

        // a single node cannot fail over: the monitor's reason comes back as one sentence
        LabException e = assertThrows(LabException.class, () -> client.performFailover(FORMATION, 0));
        assertTrue(e.getMessage().startsWith("Cannot perform a failover of formation default"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        // the shared connection survives an SQL error
        assertNotNull(client.snapshot(FORMATION).node("node1").orElse(null));
    }

    @Test
    @Order(5)
    void watcherReportsALostConnectionOnceAndReconnects() throws Exception {
        int before = snapshots.size();
        host.psql("monitor", "pg_auto_failover", "select pg_terminate_backend(pid) from pg_stat_activity"
                + " where application_name = '" + MonitorClient.WATCH_APP_NAME + "'");
        waitFor("an unreachable snapshot", Duration.ofSeconds(10),
                () -> snapshots.stream().skip(before).anyMatch(s -> !s.monitorReachable()));
        waitFor("a reachable snapshot after reconnecting", Duration.ofSeconds(15), () -> last().monitorReachable());
        assertEquals(1, snapshots.stream().skip(before).filter(s -> !s.monitorReachable()).count());
        assertTrue(last().node("node1").isPresent());
        assertTrue(watcher.isRunning());
    }

    @Test
    @Order(6)
    void slowPollDeliversEvenWithoutChanges() throws Exception {
        int before = snapshots.size();
        Thread.sleep(4500);
        assertTrue(snapshots.size() - before >= 2, "snapshots in 4.5 s: " + (snapshots.size() - before));
        watcher.close();
        assertFalse(watcher.isRunning());
    }

    private ClusterSnapshot last() { return snapshots.get(snapshots.size() - 1); }

    /** What both paths report alike: everything but lags and pgIsRunning (absent from show state). */
    private static List<String> comparable(List<NodeStatus> nodes) {
        return nodes.stream().map(n -> String.join("|", n.name(), "" + n.nodeId(), "" + n.groupId(), n.hostPort(),
                n.reportedState().id(), n.assignedState().id(), n.health().name(), "" + n.tli(),
                "" + n.candidatePriority(), "" + n.replicationQuorum())).toList();
    }

    private void waitFor(String what, Duration max, BooleanSupplier ok) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < deadline) {
            if (ok.getAsBoolean()) return;
            Thread.sleep(200);
        }
        fail("Timed out after " + max.toSeconds() + " s waiting for " + what + ". Snapshots: "
                + snapshots.stream().map(ClusterSnapshot::summary).toList()
                + "\nmonitor log:\n" + tail(host.log("monitor")) + "\nnode1 log:\n" + tail(host.log("node1")));
    }

    private static String tail(String s) {
        String[] lines = s.split("\n");
        return String.join("\n", List.of(lines).subList(Math.max(0, lines.length - 30), lines.length));
    }
}
