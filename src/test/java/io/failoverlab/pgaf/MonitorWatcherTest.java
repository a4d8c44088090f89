package io.failoverlab.pgaf;

import io.failoverlab.testing.ClusterTest;
import io.failoverlab.lab.ClusterSnapshot;
import io.failoverlab.lab.LogLine;
import io.failoverlab.lab.NodeState;
import io.failoverlab.lab.NodeStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Watcher behaviour that needs no monitor: unreachable reporting, backoff, eager retries, prompt close, change detection. */
@ClusterTest
class MonitorWatcherTest {

    @Test
    void unreachableMonitorIsReportedOnceAndCloseIsPrompt() throws Exception {
        int port = LocalPgafHost.freePort(); // nothing listens there
        List<ClusterSnapshot> snaps = new CopyOnWriteArrayList<>();
        List<LogLine> logs = new CopyOnWriteArrayList<>();
        try (MonitorClient client = MonitorClient.connect("127.0.0.1", port, "disable", "autoctl_node", null)) {
            MonitorWatcher w = client.watch("default", snaps::add, logs::add);
            long deadline = System.currentTimeMillis() + 5000;
            while (snaps.isEmpty() && System.currentTimeMillis() < deadline) Thread.sleep(50);
            Thread.sleep(2500); // 0.5 + 1 s backoff: at least two more attempts, none reported again
            assertEquals(1, snaps.size(), snaps.toString());
            assertFalse(snaps.get(0).monitorReachable());
            assertTrue(snaps.get(0).error().contains("127.0.0.1:" + port), snaps.get(0).error());
            long t0 = System.nanoTime();
            w.close();
            assertTrue((System.nanoTime() - t0) / 1_000_000 < 1500, "close took too long");
            assertFalse(w.isRunning());
        }
    }

    /** While someone waits on the watch a lost monitor is retried every 200 ms, each try handed to the waiter. */
    @Test
    void anEagerWaiterHearsEveryTryTheListenerHearsOne() throws Exception {
        int port = LocalPgafHost.freePort();
        List<ClusterSnapshot> snaps = new CopyOnWriteArrayList<>();
        List<ClusterSnapshot> reads = new CopyOnWriteArrayList<>();
        WatchWaiters waiter = new WatchWaiters() {
            @Override public boolean eager() { return true; }
            @Override public void read(ClusterSnapshot s) { reads.add(s); }
        };
        try (MonitorClient client = MonitorClient.connect("127.0.0.1", port, "disable", "autoctl_node", null);
             MonitorWatcher w = client.watch("default", snaps::add, l -> { }, n -> { }, waiter)) {
            Thread.sleep(2500); // backoff would allow 3 tries at most; eager: about one every 200 ms
            assertEquals(1, snaps.size(), snaps.toString());
            assertTrue(reads.size() >= 6, "tries handed to the waiter: " + reads.size());
            assertTrue(reads.stream().noneMatch(ClusterSnapshot::monitorReachable));
        }
    }

    @Test
    void sameStateIgnoresTimeAndLags() {
        NodeStatus a = new NodeStatus("node1", 1, 0, "127.0.0.1", 6001, NodeState.SINGLE, NodeState.SINGLE,
                NodeStatus.Health.GOOD, 1, "0/3000000", 50, true, 0.2, 1.5, true);
        NodeStatus laterLags = new NodeStatus("node1", 1, 0, "127.0.0.1", 6001, NodeState.SINGLE, NodeState.SINGLE,
                NodeStatus.Health.GOOD, 1, "0/3000000", 50, true, 0.9, 3.5, true);
        NodeStatus moved = new NodeStatus("node1", 1, 0, "127.0.0.1", 6001, NodeState.SINGLE, NodeState.SINGLE,
                NodeStatus.Health.GOOD, 1, "0/3000100", 50, true, 0.9, 3.5, true);
        ClusterSnapshot s1 = new ClusterSnapshot(Instant.now(), true, null, List.of(a));
        assertTrue(MonitorWatcher.sameState(s1, new ClusterSnapshot(Instant.now().plusSeconds(5), true, null, List.of(laterLags))));
        assertFalse(MonitorWatcher.sameState(s1, new ClusterSnapshot(Instant.now(), true, null, List.of(moved))));
        assertFalse(MonitorWatcher.sameState(s1, ClusterSnapshot.unreachable("x")));
    }
}
