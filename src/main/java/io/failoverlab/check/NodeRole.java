package io.failoverlab.check;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What one node's own Postgres says about its role, read without any monitor: whether it
 * answers, whether it is in recovery (a standby), and, on a primary, whom it streams to and
 * whether commits wait for a synchronous standby. What the console reads while the monitor is down.
 *
 * @param streamingTo application names in pg_stat_replication with state streaming
 * @param syncStandbyNames synchronous_standby_names ("" when commits wait for nobody)
 */
public record NodeRole(PgNode node, boolean answers, boolean inRecovery, List<String> streamingTo,
                       String syncStandbyNames, String error) {
    public NodeRole {
        streamingTo = streamingTo == null ? List.of() : List.copyOf(streamingTo);
        syncStandbyNames = syncStandbyNames == null ? "" : syncStandbyNames;
    }

    /** A primary: it answers and is not in recovery. */
    public boolean writable() { return answers && !inRecovery; }

    /** Commits on this primary wait for a synchronous standby that is not streaming now. */
    public boolean commitsWait() { return writable() && !syncStandbyNames.isBlank() && streamingTo.isEmpty(); }

    /** Reads the node with short timeouts (a dead node costs seconds, not the probe's minute). */
    public static NodeRole read(PgNode node, ConnectionSettings settings) {
        ConnectionSettings quick = settings.withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(4));
        try (Connection c = Jdbc.connect(quick.url(node), quick.properties("failover-lab node role"));
             Statement st = c.createStatement()) {
            boolean recovery;
            try (ResultSet rs = st.executeQuery("select pg_is_in_recovery(), current_setting('synchronous_standby_names')")) {
                rs.next();
                recovery = rs.getBoolean(1);
                String sync = rs.getString(2);
                List<String> streaming = new ArrayList<>();
                if (!recovery) {
                    try (ResultSet r = st.executeQuery("select application_name from pg_stat_replication where state = 'streaming' order by 1")) {
                        while (r.next()) streaming.add(r.getString(1));
                    }
                }
                return new NodeRole(node, true, recovery, streaming, sync, null);
            }
        } catch (SQLException e) {
            return new NodeRole(node, false, false, List.of(), "", Jdbc.message(e));
        }
    }
}
