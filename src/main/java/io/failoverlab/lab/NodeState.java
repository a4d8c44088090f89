package io.failoverlab.lab;

import java.util.Locale;

/**
 * pg_auto_failover replication states (monitor enum {@code replication_state}) and what each
 * means for a client: read-write, read-only or Postgres down (pg_autoctl nodestate_utils.c).
 */
public enum NodeState {
    UNKNOWN, INIT, SINGLE, WAIT_PRIMARY, PRIMARY, DRAINING, DEMOTE_TIMEOUT, DEMOTED, CATCHINGUP,
    SECONDARY, PREPARE_PROMOTION, STOP_REPLICATION, WAIT_STANDBY, MAINTENANCE, JOIN_PRIMARY,
    APPLY_SETTINGS, PREPARE_MAINTENANCE, WAIT_MAINTENANCE, REPORT_LSN, FAST_FORWARD,
    JOIN_SECONDARY, DROPPED;

    public enum Connection { READ_WRITE, READ_ONLY, NONE }

    public static NodeState parse(String s) {
        if (s == null || s.isBlank()) return UNKNOWN;
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return UNKNOWN;
        }
    }

    public String id() { return name().toLowerCase(Locale.ROOT); }

    public Connection connection() {
        switch (this) {
            case SINGLE: case WAIT_PRIMARY: case PRIMARY: case JOIN_PRIMARY: case APPLY_SETTINGS:
            case PREPARE_MAINTENANCE:
                return Connection.READ_WRITE;
            case SECONDARY: case CATCHINGUP: case PREPARE_PROMOTION: case STOP_REPLICATION:
            case WAIT_MAINTENANCE: case FAST_FORWARD: case JOIN_SECONDARY: case REPORT_LSN:
                return Connection.READ_ONLY;
            default:
                return Connection.NONE;
        }
    }

    public boolean writable() { return connection() == Connection.READ_WRITE; }

    /** Display category used for colours: primary, secondary, transitioning or down. */
    public String category() {
        switch (this) {
            case PRIMARY: case SINGLE: return "primary";
            case WAIT_PRIMARY: return "primary-degraded";
            case SECONDARY: return "secondary";
            case DEMOTED: case DRAINING: case DEMOTE_TIMEOUT: case DROPPED: case UNKNOWN: return "down";
            case MAINTENANCE: return "maintenance";
            default: return "transitioning";
        }
    }
}
