package io.failoverlab.pgaf;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

class SystemdKeeperTest {
    @Test
    void unitRunsAsPostgresWithItsOwnPgdataAndRestarts() {
        String unit = SystemdKeeper.unitText("/var/lib/postgresql/failover-lab/local/node1", "pg_auto_failover node1");
        assertTrue(unit.contains("User=postgres"));
        assertTrue(unit.contains("Environment='PGDATA=/var/lib/postgresql/failover-lab/local/node1'"));
        assertTrue(unit.contains("ExecStart=/usr/bin/pg_autoctl run"));
        assertTrue(unit.contains("Restart=always"));
    }
}
