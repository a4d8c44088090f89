package io.failoverlab.pgaf;

import io.failoverlab.lab.LogLine;
import io.failoverlab.lab.NodeState;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/** One row of the monitor's {@code pgautofailover.event} table, as last_events() returns it. */
public record MonitorEvent(long eventId, Instant eventTime, long nodeId, String nodeName,
                           NodeState reportedState, NodeState goalState, String description) {

    public static MonitorEvent fromRow(ResultSet rs) throws SQLException {
        Timestamp t = rs.getTimestamp("eventtime");
        return new MonitorEvent(rs.getLong("eventid"), t == null ? null : t.toInstant(),
                rs.getLong("nodeid"), rs.getString("nodename"),
                NodeState.parse(rs.getString("reportedstate")), NodeState.parse(rs.getString("goalstate")),
                rs.getString("description"));
    }

    /** The event as a monitor line of the lab log, stamped with the monitor's own time. */
    public LogLine toLogLine() {
        return new LogLine(eventTime == null ? Instant.now() : eventTime, MonitorClient.LOG_SOURCE,
                LogLine.Level.EVENT, description);
    }
}
