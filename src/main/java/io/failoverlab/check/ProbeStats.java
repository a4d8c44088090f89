package io.failoverlab.check;

import java.time.Duration;
import java.time.Instant;

/**
 * A snapshot of the write probe's counters; immutable, so any thread may read it.
 *
 * @param attempted       inserts tried (acknowledged + failed + inDoubt, plus one in flight)
 * @param acknowledged    commits the server confirmed
 * @param failed          attempts that certainly did not commit (the INSERT itself failed)
 * @param inDoubt         attempts whose COMMIT was sent but not confirmed (may or may not exist)
 * @param connectFailures connection attempts that found no primary (each followed by a backoff)
 * @param currentGap      time since the last acknowledged commit (since the start before the first)
 * @param longestGap      longest time between two acknowledged commits; while running it also
 *                        counts the gap still open: the write downtime
 * @param longestGapEndedAt when the longest closed gap ended (first commit after the outage), or null
 * @param server          host:port the probe writes to now, or null when disconnected
 * @param lastError       the last failure's message, or null
 */
public record ProbeStats(boolean running, long attempted, long acknowledged, long failed, long inDoubt,
                         long connectFailures, long lastAckId, Instant lastAckAt,
                         Duration currentGap, Duration longestGap, Instant longestGapEndedAt,
                         String server, String lastError) {
}
