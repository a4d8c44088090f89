package io.failoverlab.pgaf;

/** The monitor SQL the client runs; every value travels as a bind parameter, never spliced in. */
final class MonitorSql {
    private MonitorSql() { }

    /** As pg_autoctl show state does (monitor.c monitor_print_state): current_state plus lags from node. */
    static final String SNAPSHOT =
            "select s.*, extract(epoch from now() - n.reporttime)::float8 as report_lag,"
            + " extract(epoch from now() - n.healthchecktime)::float8 as health_lag,"
            + " n.reportedpgisrunning"
            + " from pgautofailover.current_state(?::text) s"
            + " join pgautofailover.node n on n.nodeid = s.node_id"
            + " order by s.group_id, s.node_id";

    /** What `pg_autoctl show settings` shows of the formation, and the timeout after which a silent keeper counts as down. */
    static final String FORMATION_SETTINGS =
            "select f.number_sync_standbys,"
            + " current_setting('pgautofailover.node_considered_unhealthy_timeout', true) as unhealthy_timeout"
            + " from pgautofailover.formation f where f.formationid = ?::text";

    /** The primary's synchronous_standby_names as the monitor computes it; errors when the group has no primary. */
    static final String SYNCHRONOUS_STANDBY_NAMES = "select pgautofailover.synchronous_standby_names(?::text, 0)";

    static final String LAST_EVENTS =
            "select eventid, eventtime, nodeid, nodename, reportedstate::text as reportedstate,"
            + " goalstate::text as goalstate, description"
            // named: positional (text, int) is ambiguous with last_events(formation, group_id, count default 10)
            + " from pgautofailover.last_events(formation_id => ?::text, count => ?::int)";

    static final String PERFORM_FAILOVER = "select pgautofailover.perform_failover(?::text, ?::int)";
    static final String PERFORM_PROMOTION = "select pgautofailover.perform_promotion(?::text, ?::text)";
    static final String START_MAINTENANCE = "select pgautofailover.start_maintenance(?::bigint)";
    static final String STOP_MAINTENANCE = "select pgautofailover.stop_maintenance(?::bigint)";
    static final String REMOVE_NODE = "select pgautofailover.remove_node(?::bigint, ?::bool)";
    static final String SET_CANDIDATE_PRIORITY =
            "select pgautofailover.set_node_candidate_priority(?::text, ?::text, ?::int)";
    static final String SET_REPLICATION_QUORUM =
            "select pgautofailover.set_node_replication_quorum(?::text, ?::text, ?::bool)";
    static final String SET_NUMBER_SYNC_STANDBYS =
            "select pgautofailover.set_formation_number_sync_standbys(?::text, ?::int)";
    static final String FORMATION_URI = "select pgautofailover.formation_uri(?::text, 'default', ?::text)";
}
