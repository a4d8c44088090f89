package io.failoverlab.ops;

import io.failoverlab.testing.ClusterTest;
import io.failoverlab.engine.CompositeListener;
import io.failoverlab.engine.JournalListener;
import io.failoverlab.lab.LogLine;
import io.failoverlab.pgaf.MonitorClient;
import io.failoverlab.report.Journal;
import io.failoverlab.report.JournalRecorder;
import io.failoverlab.report.Secrets;
import io.failoverlab.engine.EngineListener;
import io.failoverlab.engine.LabEngine;
import io.failoverlab.lab.ClusterSnapshot;
import io.failoverlab.lab.InstanceSpec;
import io.failoverlab.lab.LabSpec;
import io.failoverlab.lab.NodeState;
import io.failoverlab.lab.StepResult;
import io.failoverlab.remote.LocalShell;
import io.failoverlab.testing.TestLabs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The HA operations on one real local lab, in the order a class would run them: promote,
 * maintenance, settings, drop and re-add, monitor down and up, a stopped standby. Each
 * operation waits at most 120 s; durations are printed as BENCH lines, never asserted.
 */
@ClusterTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HaOperationsTest {
    LabSpec lab;
    LabEngine engine;
    OperationRunner runner;
    JournalRecorder journal;
    /** The monitor events the engine's listener was told, in order. */
    final List<String> events = new CopyOnWriteArrayList<>();

    @BeforeAll
    void setUp() {
        lab = TestLabs.localLab("ha-ops");
        journal = new JournalRecorder(new Journal(Path.of(lab.dataDir).getParent().resolve("journal")), Secrets.patterns());
        EngineListener heard = new EngineListener() {
            @Override public void log(LogLine l) {
                if (l.level() == LogLine.Level.EVENT && MonitorClient.LOG_SOURCE.equals(l.source())) events.add(l.text());
            }
        };
        engine = new LabEngine(lab, h -> new LocalShell(), CompositeListener.of(heard, new JournalListener(journal)));
        runner = new OperationRunner(EngineListener.NONE);
        List<StepResult> steps = engine.up();
        assertTrue(steps.stream().allMatch(StepResult::ok), () -> "up: " + steps);
    }

    @AfterAll
    void tearDown() {
        runner.close();
        engine.down(true);
        engine.close();
        TestLabs.deleteTree(Path.of(lab.dataDir).getParent());
    }

    OperationResult run(OperationRunner.Operation op) {
        OperationResult r = runner.runNow(op);
        assertTrue(r.ok(), () -> op.name() + ": " + r.message());
        System.out.println("BENCH " + r.name() + ": " + r.seconds() + " s " + r.figures() + " — " + r.message());
        return r;
    }

    InstanceSpec node(String name) { return lab.node(name).orElseThrow(); }

    @Test
    @Order(1)
    void promoteTheSecondary() {
        OperationResult r = run(new Promote(engine, "node2"));
        assertEquals("node2", r.finalState().stablePrimary().orElseThrow().name());
        assertTrue(r.finalState().converged(), r.finalState().summary());
    }

    @Test
    @Order(2)
    void maintenanceOnAndOffOfTheSecondary() {
        OperationResult on = run(new Maintenance(engine, "node1", true));
        assertTrue(Convergence.nodeIs("node1", NodeState.MAINTENANCE).test(on.finalState()), on.finalState().summary());
        OperationResult off = run(new Maintenance(engine, "node1", false));
        assertTrue(off.finalState().converged(), off.finalState().summary());
        assertEquals("node2", off.finalState().stablePrimary().orElseThrow().name());
    }

    @Test
    @Order(3)
    void candidatePriority() {
        OperationResult r = run(SetSetting.parse(engine, "node1", "candidate-priority", "60"));
        assertEquals(60, r.finalState().node("node1").orElseThrow().candidatePriority());
        assertTrue(r.finalState().converged(), r.finalState().summary());
    }

    @Test
    @Order(4)
    void dropTheSecondaryLeavesThePrimarySingle() throws Exception {
        OperationResult r = run(new DropNode(engine, "node1"));
        ClusterSnapshot s = r.finalState();
        assertEquals(1, s.nodes().size(), s.summary());
        assertTrue(Convergence.nodeIs("node2", NodeState.SINGLE).test(s), s.summary());
        assertTrue(r.message().contains("single"), r.message());
        assertFalse(engine.keeper("local").isRunning(engine.shells().host("local"), engine.paths(node("node1")),
                engine.unitName(node("node1"))), "node1's keeper still runs");
        OperationResult last = runner.runNow(new DropNode(engine, "node2"));
        assertFalse(last.ok());
        assertTrue(last.message().startsWith("Refusing to drop node2"), last.message());
    }

    @Test
    @Order(5)
    void addNodeBringsItBackAsSecondary() {
        OperationResult r = run(new AddNode(engine, null));
        ClusterSnapshot s = r.finalState();
        assertTrue(s.converged(), s.summary());
        assertEquals(2, s.nodes().size());
        assertEquals("node2", s.stablePrimary().orElseThrow().name());
        assertEquals(NodeState.SECONDARY, s.node("node1").orElseThrow().reportedState());
    }

    @Test
    @Order(6)
    void stoppedMonitorLeavesNodesServing() throws Exception {
        OperationResult r = run(new StopMonitor(engine));
        assertTrue(r.message().contains("no failover is possible"), r.message());
        for (InstanceSpec n : lab.nodes) assertEquals(1, selectOne(n.port), n.name);
        assertFalse(engine.status().monitorReachable());
    }

    @Test
    @Order(7)
    void startedMonitorSeesTheClusterAgain() {
        OperationResult r = run(new StartMonitor(engine));
        assertTrue(r.finalState().converged(), r.finalState().summary());
    }

    @Test
    @Order(8)
    void stoppedStandbyTurnsThePrimaryWaitPrimary() {
        OperationResult r = run(new StopNode(engine, "node1"));
        assertTrue(Convergence.nodeIs("node2", NodeState.WAIT_PRIMARY).test(r.finalState()), r.finalState().summary());
    }

    @Test
    @Order(9)
    void startedStandbyRejoins() {
        OperationResult r = run(new StartNode(engine, "node1"));
        assertTrue(r.finalState().converged(), r.finalState().summary());
        assertEquals("node2", r.finalState().stablePrimary().orElseThrow().name());
    }

    /**
     * One feed per lab (docs/architecture.md, Data flow): while an operation runs there is one
     * watcher (thread and monitor connection) and each monitor event reaches the listener and
     * the journal once.
     */
    @Test
    @Order(10)
    void anOperationUsesTheLabsOneFeed() throws Exception {
        int before = events.size();
        AtomicInteger maxConns = new AtomicInteger(-1);
        AtomicInteger maxThreads = new AtomicInteger(-1);
        AtomicInteger maxClients = new AtomicInteger(-1);
        AtomicBoolean sampling = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (sampling.get()) {
                try {
                    maxConns.accumulateAndGet(monitorSessions(MonitorClient.WATCH_APP_NAME), Math::max);
                    maxClients.accumulateAndGet(monitorSessions(MonitorClient.APP_NAME), Math::max);
                } catch (Exception e) {
                    // the next sample tries again
                }
                long watchers = Thread.getAllStackTraces().keySet().stream()
                        .filter(t -> t.isAlive() && t.getName().startsWith("monitor-watch-")).count();
                maxThreads.accumulateAndGet((int) watchers, Math::max);
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.start();
        try {
            run(new Switchover(engine));
        } finally {
            sampling.set(false);
            sampler.join(5000);
        }
        assertEquals(1, maxConns.get(), "watcher connections on the monitor");
        assertEquals(1, maxThreads.get(), "watcher threads");
        assertTrue(maxClients.get() <= 1, "shared client connections: " + maxClients.get());
        List<String> during = List.copyOf(events.subList(before, events.size()));
        assertFalse(during.isEmpty(), "the switchover's monitor events reach the listener");
        assertEquals(during.size(), during.stream().distinct().count(), "each event once: " + during);
        List<String> journalled = journal.journal().read().stream().filter(e -> "event".equals(e.type())).map(e -> e.text()).toList();
        List<String> heard = List.copyOf(events); // after the read: the listener hears an event before the journal does
        assertTrue(heard.size() >= journalled.size() && journalled.size() >= before + during.size(), heard + " / " + journalled);
        assertEquals(heard.subList(0, journalled.size()), journalled, "the journal keeps each event the feed heard, once");
    }

    /** Sessions on the monitor with this application_name. */
    int monitorSessions(String app) throws Exception {
        Properties p = new Properties();
        p.setProperty("user", "postgres");
        p.setProperty("connectTimeout", "5");
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + lab.monitor.port + "/postgres", p);
             var ps = c.prepareStatement("select count(*) from pg_stat_activity where application_name = ?")) {
            ps.setString(1, app);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** select 1 over TCP on the node's own port (loopback trust for postgres, as pg_autoctl sets it up). */
    static int selectOne(int port) throws Exception {
        Properties p = new Properties();
        p.setProperty("user", "postgres");
        p.setProperty("connectTimeout", "5");
        p.setProperty("socketTimeout", "10");
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", p);
             ResultSet rs = c.createStatement().executeQuery("select 1")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
