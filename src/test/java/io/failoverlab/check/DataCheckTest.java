package io.failoverlab.check;

import io.failoverlab.testing.ClusterTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The data check against a real PostgreSQL 15 primary and streaming standby. */
@ClusterTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DataCheckTest {
    static LocalPgServers servers;
    static PgNode primary;
    static PgNode standby;
    static ConnectionSettings settings = ConnectionSettings.of("postgres", "postgres").withSslMode("disable");

    @BeforeAll
    static void cluster() throws Exception {
        servers = new LocalPgServers();
        primary = servers.startPrimary("node1");
        standby = servers.startStandby("node2", primary);
    }

    @AfterAll
    static void teardown() {
        if (servers != null) servers.close();
    }

    @Test
    @Order(1)
    void createdTableIsReadableOnBothAndTheStandbyRefusesWrites() throws Exception {
        DataCheck check = new DataCheck(List.of(primary, standby), settings);
        assertEquals(100_000, check.createTable(primary, 100_000, true));

        DataCheckResult r = check.awaitReplay(Duration.ofSeconds(60));
        assertTrue(r.allReachable(), r::toString);
        assertTrue(r.allConsistent(), r::toString);
        for (NodeDataResult n : r.nodes()) {
            assertEquals(100_000L, n.rowCount(), n::toString);
            assertEquals(100_000L, n.maxSerId(), n::toString);
        }

        NodeDataResult p = r.node("node1").orElseThrow();
        assertFalse(p.inRecovery());
        assertFalse(p.readOnly());
        assertEquals(NodeDataResult.WriteOutcome.ACCEPTED, p.write(), p::toString);
        assertFalse(p.writeRefusedAsExpected());

        NodeDataResult s = r.node("node2").orElseThrow();
        assertTrue(s.inRecovery());
        assertTrue(s.readOnly());
        assertEquals(NodeDataResult.WriteOutcome.REFUSED_READ_ONLY, s.write(), s::toString);
        assertTrue(s.writeRefusedAsExpected(), s::toString);
        assertEquals("25006", s.writeSqlState());
        assertTrue(s.writeMessage().contains("read-only transaction"), s.writeMessage());

        // The trial INSERT on the primary was rolled back: inspecting changes nothing.
        assertEquals(100_000L, check.inspect().primary().orElseThrow().rowCount());
    }

    @Test
    @Order(2)
    void insertRowsContinuesAfterMaxAndReplicates() throws Exception {
        DataCheck check = new DataCheck(List.of(primary, standby), settings);
        check.createTable(primary, 10, true);
        DataCheck.Inserted ins = check.insertRows(primary, 5);
        assertEquals(new DataCheck.Inserted(5, 11, 15), ins);
        DataCheckResult r = check.awaitReplay(Duration.ofSeconds(60));
        assertTrue(r.allConsistent(), r::toString);
        assertEquals(15L, r.node("node2").orElseThrow().maxSerId());
    }

    @Test
    @Order(3)
    void existingTableIsNotDroppedUnlessAsked() {
        DataCheck check = new DataCheck(List.of(primary, standby), settings);
        check.createTable(primary, 3, true);
        DataCheckException e = assertThrows(DataCheckException.class, () -> check.createTable(primary, 3, false));
        assertTrue(e.getMessage().contains("already exists"), e.getMessage());
    }

    @Test
    @Order(4)
    void oddTableNamesAreQuotedNotInjected() throws Exception {
        String odd = "ha \"test\"; drop table ha_test; --";
        DataCheck check = new DataCheck(List.of(primary, standby), settings, odd);
        assertEquals(1000, check.createTable(primary, 1000, true));
        check.insertRows(primary, 2);
        DataCheckResult r = check.awaitReplay(Duration.ofSeconds(60));
        assertTrue(r.allConsistent(), r::toString);
        assertEquals(1002L, r.node("node2").orElseThrow().rowCount());
        assertTrue(r.node("node2").orElseThrow().writeRefusedAsExpected());

        // ha_test is still there: the name was one identifier, not SQL.
        DataCheckResult plain = new DataCheck(List.of(primary), settings).inspect();
        assertTrue(plain.nodes().get(0).tablePresent(), plain::toString);

        String spaced = "Mixed Case table";
        DataCheck c2 = new DataCheck(List.of(primary, standby), settings, spaced);
        c2.createTable(primary, 7, true);
        assertEquals(7L, c2.awaitReplay(Duration.ofSeconds(60)).node("node2").orElseThrow().rowCount());
    }

    @Test
    @Order(5)
    void missingTableIsReportedNotThrown() {
        DataCheckResult r = new DataCheck(List.of(primary, standby), settings, "no_such_table").inspect();
        assertTrue(r.allReachable());
        assertFalse(r.allConsistent());
        for (NodeDataResult n : r.nodes()) {
            assertFalse(n.tablePresent());
            assertNull(n.rowCount());
        }
    }

    @Test
    @Order(9) // last: it stops the standby
    void stoppedNodeIsUnreachableWhileTheOtherAnswers() throws Exception {
        servers.stop("node2", "fast");
        DataCheck check = new DataCheck(List.of(primary, standby), settings);
        DataCheckResult r = check.inspect();
        NodeDataResult s = r.node("node2").orElseThrow();
        assertFalse(s.reachable(), s::toString);
        assertNotNull(s.error());
        assertEquals(NodeDataResult.WriteOutcome.NOT_TRIED, s.write());
        NodeDataResult p = r.node("node1").orElseThrow();
        assertTrue(p.reachable(), p::toString);
        assertTrue(p.tablePresent());
        assertFalse(r.allReachable());
        assertTrue(r.allConsistent(), "unreachable nodes are left out of the comparison");
    }
}
