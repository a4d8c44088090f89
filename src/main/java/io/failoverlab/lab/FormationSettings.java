package io.failoverlab.lab;

/**
 * The formation's settings that decide what pg_auto_failover does (as `pg_autoctl show settings`
 * shows them): number_sync_standbys and the primary's synchronous_standby_names, plus the
 * monitor's node_considered_unhealthy_timeout, after which a silent keeper counts as down.
 * numberSyncStandbys is -1 and the names null when unknown (an old monitor, a read that failed).
 */
public record FormationSettings(int numberSyncStandbys, String synchronousStandbyNames, double unhealthyTimeoutSeconds) {
    /** The monitor's default node_considered_unhealthy_timeout (20 s), used when it could not be read. */
    public static final double DEFAULT_UNHEALTHY_TIMEOUT_SECONDS = 20.0;

    public static final FormationSettings UNKNOWN = new FormationSettings(-1, null, DEFAULT_UNHEALTHY_TIMEOUT_SECONDS);

    public boolean known() { return numberSyncStandbys >= 0; }

    /** As pg_autoctl shows an empty synchronous_standby_names: ''. */
    public String synchronousStandbyNamesShown() {
        return synchronousStandbyNames == null ? "?" : synchronousStandbyNames.isEmpty() ? "''" : synchronousStandbyNames;
    }
}
