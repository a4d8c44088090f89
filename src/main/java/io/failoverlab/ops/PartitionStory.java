package io.failoverlab.ops;

import io.failoverlab.lab.Msg;

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
    Msg primaryFromAll() {
        Msg takeover = seen.promotedInMonitor == null || seen.firstWriteElsewhere == null
                ? Msg.of("part.noTakeover", expect.failover())
                : Msg.of("part.promoted", seen.newPrimary, seen.promotedInMonitor, seen.firstWriteElsewhere, expect.failover(),
                        expect.waitPrimary() - 1);
        return Msg.of("part.primaryFromAll", opening("part.role.primary", "part.whom.all"), takeover, selfDemote(), writes(), trails(),
                new Msg.Action("node-heal", "heal"), node);
    }

    /** The primary cut from the monitor only, or from the standbys only. */
    Msg primaryPartly() {
        boolean monitor = from == Partition.From.MONITOR;
        Msg what;
        if (seen.promotedInMonitor != null) {
            Msg why = monitor ? Msg.of("part.reason.monitor", node) : Msg.of("part.reason.standbys", node);
            what = seen.firstWriteElsewhere != null
                    ? Msg.of("part.partlyFailoverWrite", seen.newPrimary, seen.promotedInMonitor, seen.firstWriteElsewhere, why)
                    : Msg.of("part.partlyFailover", seen.newPrimary, seen.promotedInMonitor, why);
        } else {
            double wp = seen.primaryTrail.firstAt(NodeState.WAIT_PRIMARY);
            what = monitor ? Msg.of("part.noFailover.monitor", node)
                    : wp >= 0 ? Msg.of("part.noFailover.waitPrimary", node, wp) : Msg.of("part.noFailover.heard", node);
        }
        return Msg.of("part.primaryPartly", opening("part.role.primary", monitor ? "part.whom.monitorOnly" : "part.whom.standbysOnly"),
                what, selfDemote(), writes(), trails());
    }

    /** A standby cut from everything. */
    Msg standby() {
        String whom = from == Partition.From.MONITOR ? "part.whom.monitor" : from == Partition.From.ALL ? "part.whom.all" : "part.whom.standbys";
        Msg what = seen.waitPrimary == null ? Msg.of("part.standbyNoWait", primary, expect.waitPrimary())
                : Msg.of("part.standbyWait", primary, node, seen.waitPrimary, expect.waitPrimary(),
                        seen.writeAfterWaitPrimary == null ? "" : Msg.of("part.writesAgain", seen.writeAfterWaitPrimary));
        return Msg.of("part.standby", opening("part.role.standby", whom), what, node, probe.inDoubt(), trails());
    }

    private Msg opening(String role, String whom) {
        return Msg.of(replaced ? "part.cutAgain" : "part.cut", node, Msg.of(role), Msg.of(whom), tool);
    }

    private Msg selfDemote() {
        Msg timeouts = Msg.of("part.timeouts", expect.walSenderTimeout(), expect.networkPartitionTimeout());
        if (seen.selfDemote == null) return Msg.of("part.notFenced", node, expect.selfDemote(), timeouts);
        Object order = seen.promotedInMonitor == null ? "" : seen.selfDemote <= seen.promotedInMonitor
                ? Msg.of("part.beforePromotion") : Msg.of("part.afterPromotion", seen.selfDemote - seen.promotedInMonitor);
        Msg how = Msg.of(seen.selfDemoteHow != null && seen.selfDemoteHow.startsWith("read-only") ? "part.how.readOnly" : "part.how.stopped");
        return Msg.of("part.fenced", node, seen.selfDemote, how, order, expect.selfDemote(), timeouts);
    }

    private Msg writes() {
        long sb = splitBrain();
        return Msg.of(sb == 0 ? "part.writes" : "part.writesSplitBrain", sb, node, probe.inDoubt());
    }

    private Msg trails() {
        Object other = node.equals(primary) ? "" : Msg.of("part.trailOther", primary, path(seen.primaryTrail));
        Object now = seen.newPrimary != null && !seen.newPrimary.equals(primary) ? Msg.of("part.trailNow", after.summary()) : "";
        return Msg.of("part.trails", node, path(seen.isolatedTrail), other, now);
    }

    private static Object path(StateTrail t) {
        String p = t.path();
        return p.isEmpty() ? Msg.of("part.notListed") : p;
    }

    private static void put(Map<String, Double> f, String k, Double v) {
        if (v != null) f.put(k, round(v));
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
