package io.failoverlab.pgaf;

import io.failoverlab.lab.LabException;
import io.failoverlab.lab.SslMode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PgAutoCtlTest {
    static final PgAutoCtl V2 = new PgAutoCtl(new PgafVersion(2, 0));
    static final PgAutoCtl V13 = new PgAutoCtl(new PgafVersion(1, 3));

    @Test
    void parsesVersionBanner() {
        PgafVersion v = PgafVersion.parse("pg_autoctl version 2.0\npg_autoctl extension version 2.0\n");
        assertEquals(new PgafVersion(2, 0), v);
        assertEquals("1.6", PgafVersion.parse("pg_autoctl version 1.6.3").toString());
        assertThrows(LabException.class, () -> PgafVersion.parse("bash: pg_autoctl: command not found"));
    }

    @Test
    void createMonitorOn2xUsesHostnameAndSsl() {
        assertEquals("pg_autoctl create monitor --pgctl /usr/lib/postgresql/15/bin/pg_ctl --pgdata /d/monitor --pgport 6000"
                        + " --hostname 127.0.0.1 --auth trust --ssl-self-signed",
                V2.createMonitor("/usr/lib/postgresql/15/bin/pg_ctl", "/d/monitor", 6000, "127.0.0.1", "trust", SslMode.SELF_SIGNED));
    }

    @Test
    void createMonitorOn13UsesNodenameWithoutSsl() {
        String cmd = V13.createMonitor("/p/pg_ctl", "/d/m", 6000, "10.0.0.5", "trust", SslMode.SELF_SIGNED);
        assertTrue(cmd.contains("--nodename 10.0.0.5"), cmd);
        assertFalse(cmd.contains("--hostname"), cmd);
        assertFalse(cmd.contains("ssl"), cmd);
    }

    @Test
    void createPostgresQuotesTheMonitorUriAndDatabase() {
        PgAutoCtl.NodeOptions o = new PgAutoCtl.NodeOptions("/p/pg_ctl", "/d/node1", 6001, "127.0.0.1", "node1", "ha-demo",
                "postgres://autoctl_node@127.0.0.1:6000/pg_auto_failover?sslmode=require", "trust", SslMode.NONE, 50, true, "default", "127.0.0.1");
        String cmd = V2.createPostgres(o);
        assertTrue(cmd.contains("--monitor 'postgres://autoctl_node@127.0.0.1:6000/pg_auto_failover?sslmode=require'"), cmd);
        assertTrue(cmd.contains("--name node1 --listen 127.0.0.1 --dbname ha-demo"), cmd);
        assertTrue(cmd.endsWith("--no-ssl --candidate-priority 50 --replication-quorum true"), cmd);
        assertFalse(cmd.contains("--formation"), cmd);
        String old = V13.createPostgres(o);
        assertTrue(old.contains("--nodename 127.0.0.1") && !old.contains("--name "), old);
    }

    @Test
    void otherVerbs() {
        assertEquals("pg_autoctl show uri --pgdata /d/m --formation monitor", V2.showMonitorUri("/d/m"));
        assertEquals("pg_autoctl show state --pgdata /d/m --json", V2.showStateJson("/d/m"));
        assertEquals("pg_autoctl config set --pgdata /d/n timeout.network_partition_timeout 5",
                V2.configSet("/d/n", "timeout.network_partition_timeout", "5"));
        assertEquals("pg_autoctl drop node --pgdata '/d/my node' --destroy", V2.dropNode("/d/my node", true));
        assertEquals("pg_autoctl run --pgdata /d/n", V2.run("/d/n"));
    }
}
