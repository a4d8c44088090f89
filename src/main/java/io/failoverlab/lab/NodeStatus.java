package io.failoverlab.lab;

/**
 * One row of the monitor's view of a node (pgautofailover.current_state joined with node).
 * Lags are seconds since the keeper last reported / the monitor last checked, -1 when unknown.
 */
public record NodeStatus(
        String name, long nodeId, int groupId, String host, int port,
        NodeState reportedState, NodeState assignedState, Health health,
        int tli, String lsn, int candidatePriority, boolean replicationQuorum,
        double reportLagSeconds, double healthLagSeconds, Boolean pgIsRunning) {

    public enum Health {
        UNKNOWN, BAD, GOOD;

        public static Health fromInt(int h) { return h == 1 ? GOOD : h == 0 ? BAD : UNKNOWN; }

        public static Health parse(String s) {
            if (s == null) return UNKNOWN;
            switch (s.trim().toLowerCase()) {
                case "good": return GOOD;
                case "bad": return BAD;
                default: return UNKNOWN;
            }
        }
    }

    public String hostPort() { return host + ":" + port; }

    /** A transition is in flight when the keeper has not yet reached the assigned state. */
    public boolean inTransition() { return reportedState != assignedState; }

    /** "secondary", or "secondary→catchingup" while a transition is in flight: as summaries show a state. */
    public String stateShown() {
        return inTransition() ? reportedState.id() + "→" + assignedState.id() : reportedState.id();
    }

    public String tliLsn() { return tli + ": " + (lsn == null ? "" : lsn); }
}
