package io.failoverlab.check;

/**
 * What one node showed in a data check. A node that could not be reached has {@code reachable}
 * false and the reason in {@code error}; the other fields are then null/false.
 *
 * @param inRecovery             pg_is_in_recovery(): the node is a standby
 * @param readOnly               transaction_read_only of a fresh session
 * @param write                  what the trial INSERT did (it is always rolled back)
 * @param writeRefusedAsExpected the node is read-only and refused the INSERT with SQLSTATE 25006
 *                               ("cannot execute INSERT in a read-only transaction"): the lab's
 *                               expected standby behaviour, not an error
 * @param writeMessage           the server's message when the INSERT was refused or failed
 */
public record NodeDataResult(PgNode node, boolean reachable, String error,
                             boolean tablePresent, Long rowCount, Long maxSerId,
                             Boolean inRecovery, Boolean readOnly,
                             WriteOutcome write, boolean writeRefusedAsExpected,
                             String writeSqlState, String writeMessage) {

    public enum WriteOutcome {
        /** The INSERT worked (then was rolled back): a writable primary. */
        ACCEPTED,
        /** Refused because the node or session is read-only (SQLSTATE 25006). */
        REFUSED_READ_ONLY,
        /** Failed for another reason (missing table, permissions, ...): see writeMessage. */
        FAILED,
        /** Not tried: node unreachable or the check was a read-only poll. */
        NOT_TRIED
    }

    static NodeDataResult unreachable(PgNode node, String error) {
        return new NodeDataResult(node, false, error, false, null, null, null, null,
                WriteOutcome.NOT_TRIED, false, null, null);
    }

    /** True for a reachable node that is not in recovery. */
    public boolean isPrimary() {
        return reachable && Boolean.FALSE.equals(inRecovery);
    }
}
