package io.failoverlab.ops;

import io.failoverlab.check.ConnectionSettings;
import io.failoverlab.check.PgNode;
import io.failoverlab.check.ProbeVerification;
import io.failoverlab.check.WriteProbe;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Two write probes for a partition: one through the multi-host URL (standbys first, so pgjdbc
 * picks a promoted standby as soon as it is writable even while the old primary still answers
 * through its SSH tunnel), and one kept on the isolated node alone, through its tunnel. A commit
 * the isolated node acknowledges after another node was promoted is a split-brain write.
 */
public final class PartitionProbe implements AutoCloseable {
    static final String ISOLATED_TABLE = "failover_partition_probe";
    static final String MAIN_TABLE = "failover_partition_main";

    private final WriteProbe main;
    private final WriteProbe isolated;
    private final PgNode isolatedNode;
    private volatile Instant promotedAt;

    /** others: the data nodes except the isolated one; isolated: the node to be cut (through its tunnel). */
    public PartitionProbe(List<PgNode> others, PgNode isolated, ConnectionSettings settings) {
        List<PgNode> order = new ArrayList<>(others);
        order.add(isolated);
        // a table of its own: the scenario's probe may be writing failover_probe at the same time
        this.main = new WriteProbe(order, settings).table(MAIN_TABLE);
        this.isolated = new WriteProbe(List.of(isolated), settings).table(ISOLATED_TABLE);
        this.isolatedNode = isolated;
    }

    /** Starts both; the isolated one only where the node takes writes (a cut standby has nothing to split). */
    public PartitionProbe start() {
        main.start();
        try {
            isolated.start();
        } catch (io.failoverlab.check.DataCheckException e) {
            // a standby: no primary to keep a connection to
        }
        return this;
    }

    public WriteProbe main() { return main; }

    public WriteProbe isolated() { return isolated; }

    public PgNode isolatedNode() { return isolatedNode; }

    /** When another node became writable (first of the monitor's report and the first write there). */
    void promotedAt(Instant at) {
        if (at != null && (promotedAt == null || at.isBefore(promotedAt))) promotedAt = at;
    }

    public Instant promotedAt() { return promotedAt; }

    /** Commits the isolated node acknowledged after another node was promoted: must be 0. */
    public long acknowledgedOnOldPrimaryAfterPromotion() {
        Instant p = promotedAt;
        if (p == null) return 0;
        return isolated.acknowledged().stream().filter(a -> !a.at().isBefore(p)).count();
    }

    /** Sent, never acknowledged, by either probe. */
    public long inDoubt() {
        return main.stats().inDoubt() + isolated.stats().inDoubt();
    }

    /** Seconds from `cut` to the first commit acknowledged by another server than the isolated one, or -1. */
    public double firstWriteElsewhereAfter(Instant cut) {
        return KillPrimary.firstAckAfter(main, cut, isolatedNode.port());
    }

    public void stop() throws InterruptedException {
        main.stop();
        isolated.stop();
    }

    /** Both probes' acknowledged writes on every node: the largest number missing on one node. */
    public Verified verify(List<PgNode> nodes, Duration settle) throws InterruptedException {
        stop();
        ProbeVerification m = main.verify(nodes, settle);
        ProbeVerification i = isolated.verify(nodes, settle);
        long lost = 0;
        boolean reached = true;
        for (int k = 0; k < nodes.size(); k++) {
            lost = Math.max(lost, m.nodes().get(k).lost() + i.nodes().get(k).lost());
            reached &= m.nodes().get(k).reachable() && i.nodes().get(k).reachable();
        }
        return new Verified(m.acknowledged() + i.acknowledged(), lost, m.inDoubt() + i.inDoubt(),
                acknowledgedOnOldPrimaryAfterPromotion(), reached, nodes.size());
    }

    /** What the probe table says on every node after heal. */
    public record Verified(long acknowledged, long lostWrites, long inDoubt, long acknowledgedOnOldPrimaryAfterPromotion,
                           boolean allReached, int nodes) { }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
