package io.failoverlab.ops;

import io.failoverlab.lab.ClusterSnapshot;
import io.failoverlab.lab.NodeState;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Says what a cut did, in plain words, from what PartitionWatch saw and the probes counted. */
final class PartitionStory {
    private final String node;
    private final Partition.From from;
    private final String primary;
    private final boolean replaced;
    private final String tool;
    private final Partition.PartitionExpect expect;
    private final PartitionWatch.Seen seen;
    private final PartitionProbe probe;
    private final ClusterSnapshot after;

    PartitionStory(String node, Partition.From from, String primary, boolean replaced, String tool, Partition.PartitionExpect expect,
                   PartitionWatch.Seen seen, PartitionProbe probe, ClusterSnapshot after) {
        this.node = node;
        this.from = from;
        this.primary = primary;
        this.replaced = replaced;
        this.tool = tool;
        this.expect = expect;
        this.seen = seen;
        this.probe = probe;
        this.after = after;
    }

    long splitBrain() { return probe.acknowledgedOnOldPrimaryAfterPromotion(); }

    Map<String, Double> figures() {
        Map<String, Double> f = new LinkedHashMap<>();
        boolean cutPrimary = node.equals(primary);
        if (cutPrimary) {
            put(f, "partitionFailoverSeconds", seen.firstWriteElsewhere);
            put(f, "writableInMonitorSeconds", seen.promotedInMonitor);
            put(f, "selfDemoteSeconds", seen.selfDemote);
            f.put("expectedFailoverSeconds", round(expect.failover()));
            f.put("expectedSelfDemoteSeconds", round(expect.selfDemote()));
            f.put("acknowledgedOnOldPrimaryAfterPromotion", (double) splitBrain());
        } else {
            put(f, "waitPrimarySeconds", seen.waitPrimary);
            put(f, "writesResumedSeconds", seen.writeAfterWaitPrimary);
            f.put("expectedWaitPrimarySeconds", round(expect.waitPrimary()));
        }
        f.put("writesInDoubt", (double) probe.inDoubt());
        f.put("writeDowntimeSeconds", probe.main().stats().longestGap().toMillis() / 1000.0);
        return f;
    }

    /** The primary cut from the monitor and every standby. */
    String primaryFromAll() {
        StringBuilder sb = new StringBuilder(opening("the primary", "the monitor and the other nodes"));
        if (seen.promotedInMonitor == null || seen.firstWriteElsewhere == null) {
            sb.append(String.format(Locale.ROOT, "no other node took over within the watch (expected about %.0f s from the timeouts in force)",
                    expect.failover()));
        } else {
            sb.append(String.format(Locale.ROOT, "the monitor promoted %s after %.1f s and the first write succeeded there after %.1f s"
                            + " (expected about %.0f s: the monitor judges a silent node unhealthy after %.1f s, its health checks"
                            + " refused, then waits the demote timeout)",
                    seen.newPrimary, seen.promotedInMonitor, seen.firstWriteElsewhere, expect.failover(), expect.waitPrimary() - 1));
        }
        sb.append("; ").append(selfDemote()).append("; ").append(writes()).append(". ").append(trails()).append(" heal brings ")
                .append(node).append(" back as a secondary.");
        return sb.toString();
    }

    /** The primary cut from the monitor only, or from the standbys only. */
    String primaryPartly() {
        String whom = from == Partition.From.MONITOR ? "the monitor only" : "the other nodes only";
        StringBuilder sb = new StringBuilder(opening("the primary", whom));
        if (seen.promotedInMonitor != null) {
            sb.append(String.format(Locale.ROOT, "a failover happened: the monitor promoted %s after %.1f s", seen.newPrimary, seen.promotedInMonitor));
            if (seen.firstWriteElsewhere != null) sb.append(String.format(Locale.ROOT, " (first write there after %.1f s)", seen.firstWriteElsewhere));
            sb.append(from == Partition.From.MONITOR
                    ? ", because it no longer heard " + node + "'s keeper and its health checks failed; it first told the standby to"
                    + " stop replicating from " + node + " (stop_replication), which left " + node + " with neither monitor nor standby"
                    : ", although it still heard " + node);
        } else {
            double wp = seen.primaryTrail.firstAt(NodeState.WAIT_PRIMARY);
            sb.append("no failover happened within the watch");
            sb.append(from == Partition.From.MONITOR
                    ? ": the monitor never promoted a standby, so " + node + " kept its standby streaming and stayed primary"
                    : wp >= 0 ? String.format(Locale.ROOT, ": the monitor still heard %s, saw its standby gone and moved it to wait_primary"
                    + " after %.1f s (synchronous replication off)", node, wp) : ": the monitor still heard " + node + " and kept it primary");
        }
        sb.append("; ").append(selfDemote()).append("; ").append(writes()).append(". ").append(trails());
        return sb.toString();
    }

    /** A standby cut from everything. */
    String standby() {
        StringBuilder sb = new StringBuilder(opening("a standby", from == Partition.From.MONITOR ? "the monitor" : from == Partition.From.ALL
                ? "the monitor and the other nodes" : "the other nodes"));
        if (seen.waitPrimary != null) {
            sb.append(String.format(Locale.ROOT, "%s's commits waited for %s (synchronous replication) until the monitor moved %s to"
                            + " wait_primary after %.1f s (expected about %.0f s from the timeouts in force)", primary, node, primary,
                    seen.waitPrimary, expect.waitPrimary()));
            if (seen.writeAfterWaitPrimary != null) {
                sb.append(String.format(Locale.ROOT, "; writes went through again after %.1f s", seen.writeAfterWaitPrimary));
            }
            sb.append(" — synchronous replication is off until ").append(node).append(" is back, so until heal new writes exist on ")
                    .append(primary).append(" only");
        } else {
            sb.append(primary).append(" did not go to wait_primary within the watch (expected about ")
                    .append(String.format(Locale.ROOT, "%.0f s)", expect.waitPrimary()));
        }
        sb.append("; ").append(node).append(" is not a primary, so it does not fence itself; ")
                .append(probe.inDoubt()).append(" writes were sent and never acknowledged (in doubt). ").append(trails());
        return sb.toString();
    }

    private String opening(String role, String whom) {
        return String.format(Locale.ROOT, "%s %s (%s) off from %s with %s: ", replaced ? "Cut (again, replacing the earlier cut)" : "Cut",
                node, role, whom, tool);
    }

    private String selfDemote() {
        String timeouts = String.format(Locale.ROOT, "its walsender keeps listing the standby until wal_sender_timeout (%.0f s),"
                + " then network_partition_timeout (%.0f s) without monitor or standby", expect.walSenderTimeout(), expect.networkPartitionTimeout());
        if (seen.selfDemote == null) {
            return node + " did not fence itself within the watch (it still accepts writes; expected after about "
                    + String.format(Locale.ROOT, "%.0f s, %s)", expect.selfDemote(), timeouts);
        }
        String order = seen.promotedInMonitor == null ? "" : seen.selfDemote <= seen.promotedInMonitor
                ? ", before the promotion" : String.format(Locale.ROOT, ", %.1f s after the promotion: two primaries meanwhile, but the old"
                + " one could not acknowledge a write", seen.selfDemote - seen.promotedInMonitor);
        return String.format(Locale.ROOT, "%s, with neither monitor nor standby contact, fenced itself after %.1f s (%s%s; expected about"
                + " %.0f s, %s)", node, seen.selfDemote, seen.selfDemoteHow, order, expect.selfDemote(), timeouts);
    }

    private String writes() {
        long sb = splitBrain();
        return String.format(Locale.ROOT, "%d writes were acknowledged on %s after another node was promoted%s, %d were sent and never"
                        + " acknowledged (in doubt: they may exist on %s until its rewind, never counted as lost)",
                sb, node, sb == 0 ? " (no split brain: its commits wait for a synchronous standby it cannot reach)" : " — SPLIT BRAIN",
                probe.inDoubt(), node);
    }

    private String trails() {
        return "Monitor's view: " + node + " " + path(seen.isolatedTrail) + (node.equals(primary) ? "" : ", " + primary + " "
                + path(seen.primaryTrail)) + (seen.newPrimary != null && !seen.newPrimary.equals(primary) ? ", now " + after.summary() : "")
                + ".";
    }

    private static String path(StateTrail t) {
        String p = t.path();
        return p.isEmpty() ? "(not listed)" : p;
    }

    private static void put(Map<String, Double> f, String k, Double v) {
        if (v != null) f.put(k, round(v));
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
