package io.failoverlab.check;

import io.failoverlab.testing.ClusterTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.*;

/** The write probe across a real failover: primary stopped, standby promoted. */
@ClusterTest
class WriteProbeTest {
    LocalPgServers servers;
    PgNode primary;
    PgNode standby;
    final ConnectionSettings settings = ConnectionSettings.of("postgres", "postgres").withSslMode("disable");

    @BeforeEach
    void cluster() throws Exception {
        servers = new LocalPgServers();
        primary = servers.startPrimary("node1");
        standby = servers.startStandby("node2", primary);
    }

    @AfterEach
    void teardown() {
        if (servers != null) servers.close();
    }

    @Test
    void countsWritesAcrossAFailoverAndLosesNone() throws Exception {
        AtomicLong heard = new AtomicLong();
        try (WriteProbe probe = new WriteProbe(List.of(primary, standby), settings).listener(s -> heard.incrementAndGet())) {
            assertTrue(probe.url().startsWith("jdbc:postgresql://127.0.0.1:" + primary.port() + ",127.0.0.1:" + standby.port()));
            probe.start();
            Thread.sleep(2000);
            ProbeStats before = probe.stats();
            assertTrue(before.acknowledged() > 0, before::toString);
            assertEquals(primary.address(), before.server(), before::toString);

            servers.stop("node1", "fast");
            servers.promote("node2");

            // Writes resume on the promoted node (generous bound), then run on for 2 s.
            long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (probe.stats().acknowledged() <= before.acknowledged() + 5 && System.nanoTime() < end) {
                Thread.sleep(100);
            }
            Thread.sleep(2000);
            probe.stop();

            ProbeStats s = probe.stats();
            assertFalse(s.running());
            assertTrue(s.acknowledged() > before.acknowledged() + 5, () -> s + "\n" + servers.log("node2"));
            assertTrue(s.longestGap().compareTo(Duration.ZERO) > 0, s::toString);
            assertNotNull(s.longestGapEndedAt());
            assertTrue(s.attempted() >= s.acknowledged() + s.failed() + s.inDoubt(), s::toString);
            assertEquals(s.acknowledged(), probe.acknowledged().size());
            assertTrue(heard.get() > 0);

            ProbeVerification v = probe.verify(List.of(standby), Duration.ofSeconds(30));
            ProbeVerification.NodeCheck n = v.nodes().get(0);
            assertTrue(n.reachable(), n::toString);
            assertFalse(n.inRecovery(), "node2 was promoted");
            assertEquals(0, n.lost(), n::toString);
            assertTrue(v.noneLost());
            assertEquals(s.inDoubt(), n.inDoubtFound() + n.inDoubtAbsent());

            // The stopped old primary is reported, not thrown.
            ProbeVerification old = probe.verify(List.of(primary));
            assertFalse(old.nodes().get(0).reachable());
            System.out.println("write probe: " + s);
        }
    }
}
