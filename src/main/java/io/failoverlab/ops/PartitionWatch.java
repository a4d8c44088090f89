package io.failoverlab.ops;

import io.failoverlab.check.ConnectionSettings;
import io.failoverlab.check.PgNode;
import io.failoverlab.lab.ClusterSnapshot;
import io.failoverlab.lab.LabException;
import io.failoverlab.lab.Msg;
import io.failoverlab.lab.NodeState;
import io.failoverlab.lab.NodeStatus;
import io.failoverlab.lab.StepResult;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Watches what a cut does, from three sides: the monitor's view (who is writable, the states the
 * nodes report), the isolated node itself through its SSH tunnel (does it still accept writes, is
 * it still running), and the write probes (first write on another node). Seconds count from the cut.
 */
final class PartitionWatch {
    /** What was seen; a null figure was not seen within the window. */
    static final class Seen {
        Double promotedInMonitor;
        Double firstWriteElsewhere;
        Double selfDemote;
        Double waitPrimary;
        Double writeAfterWaitPrimary;
        String newPrimary;
        String selfDemoteHow;
        StateTrail isolatedTrail;
        StateTrail primaryTrail;
    }

    private final OpSession session;
    private final PartitionProbe probe;
    private final ConnectionSettings settings;
    private final String isolated;
    private final String primary;
    private final long t0;
    private final Instant cutAt;

    PartitionWatch(OpSession session, PartitionProbe probe, ConnectionSettings settings, String isolated, String primary,
                   long t0, Instant cutAt) {
        this.session = session;
        this.probe = probe;
        this.settings = settings.withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(3));
        this.isolated = isolated;
        this.primary = primary;
        this.t0 = t0;
        this.cutAt = cutAt;
    }

    /**
     * Watches until everything a cut of the primary leads to was seen (another node promoted and
     * written to, the old primary fenced), or until the window ends.
     */
    Seen primaryCut(Duration window, ProgressSink progress) throws InterruptedException {
        Seen seen = start();
        session.observe(x -> seen.promotedInMonitor != null && seen.firstWriteElsewhere != null && seen.selfDemote != null,
                window, snap -> {
                    double el = StepResult.secondsSince(t0);
                    seen.isolatedTrail.accept(snap);
                    seen.primaryTrail.accept(snap);
                    if (seen.promotedInMonitor == null) {
                        Optional<NodeStatus> other = snap.nodes().stream()
                                .filter(n -> !n.name().equals(isolated) && n.reportedState().writable()).findFirst();
                        if (other.isPresent()) {
                            seen.promotedInMonitor = el;
                            seen.newPrimary = other.get().name();
                            probe.promotedAt(Instant.now());
                        }
                    }
                    if (seen.firstWriteElsewhere == null) {
                        double w = probe.firstWriteElsewhereAfter(cutAt);
                        if (w >= 0) {
                            seen.firstWriteElsewhere = w;
                            probe.promotedAt(cutAt.plusMillis((long) (w * 1000)));
                        }
                    }
                    if (seen.selfDemote == null) {
                        String how = refusesWrites(probe.isolatedNode());
                        if (how != null) {
                            seen.selfDemote = el;
                            seen.selfDemoteHow = how;
                            session.engine().listener().nodeEvent(isolated, Msg.of("node.event.fenced",
                                    Msg.of(how.startsWith("read-only") ? "part.how.readOnly" : "part.how.stopped"), el), Instant.now());
                        }
                    }
                    progress.report(el);
                });
        return seen;
    }

    /** Watches a cut standby: until the primary is wait_primary and a write went through again, or the window ends. */
    Seen standbyCut(Duration window, ProgressSink progress) throws InterruptedException {
        Seen seen = start();
        Instant[] waitPrimaryAt = {null};
        session.observe(x -> seen.writeAfterWaitPrimary != null, window, snap -> {
            double el = StepResult.secondsSince(t0);
            seen.isolatedTrail.accept(snap);
            seen.primaryTrail.accept(snap);
            if (seen.waitPrimary == null && snap.node(primary).filter(n -> n.reportedState() == NodeState.WAIT_PRIMARY).isPresent()) {
                seen.waitPrimary = el;
                waitPrimaryAt[0] = Instant.now();
            }
            if (waitPrimaryAt[0] != null && seen.writeAfterWaitPrimary == null) {
                Instant w = waitPrimaryAt[0];
                seen.writeAfterWaitPrimary = probe.main().acknowledged().stream().filter(a -> a.at().isAfter(w)).findFirst()
                        .map(a -> Duration.between(cutAt, a.at()).toMillis() / 1000.0).orElse(null);
            }
            progress.report(el);
        });
        return seen;
    }

    interface ProgressSink { void report(double elapsed); }

    private Seen start() {
        Seen s = new Seen();
        s.isolatedTrail = new StateTrail(isolated, t0, null);
        s.primaryTrail = new StateTrail(primary, t0, null);
        return s;
    }

    /** Null while the node still takes writes; else how it refuses them (read through its tunnel). */
    private String refusesWrites(PgNode node) {
        try (Connection c = DriverManager.getConnection(settings.url(node), settings.properties("failover-lab partition watch"));
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select pg_is_in_recovery()")) {
            rs.next();
            return rs.getBoolean(1) ? "read-only (in recovery)" : null;
        } catch (SQLException e) {
            // the tunnel's far end is the node's own loopback, which the cut leaves open: no answer = stopped
            return "Postgres stopped";
        }
    }
}
