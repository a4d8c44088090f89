package io.failoverlab.ui.data;

import io.failoverlab.check.PgNode;
import io.failoverlab.check.ProbeStats;
import io.failoverlab.check.ProbeVerification;
import io.failoverlab.check.WriteProbe;
import io.failoverlab.lab.ClusterSnapshot;
import io.failoverlab.lab.LabSpec;
import io.failoverlab.lab.NodeStatus;
import io.failoverlab.ops.DataConnections;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * The window's write probe: continuous numbered inserts through the multi-host URL into a table
 * of its own (so it never shares one with an operation's probe), live counters, and on stop a
 * verify of every node. Start and stop run on the background executor; the counters are read
 * from the probe's in-memory bookkeeping (no I/O) on the FX thread. FX-thread API.
 */
public final class ProbeModel {
    public static final String TABLE = "console_probe";

    public enum Phase { OFF, STARTING, RUNNING, VERIFYING, VERIFIED, FAILED }

    /** Where the probe reaches the data nodes (the engine's SSH tunnels); may do I/O, so called off the FX thread. */
    @FunctionalInterface
    public interface Nodes { List<PgNode> get() throws java.io.IOException; }

    private final LabSpec lab;
    private final Nodes nodes;
    private final Executor background;
    private final Executor fx;
    private final ObjectProperty<Phase> phase = new SimpleObjectProperty<>(Phase.OFF);
    private final ObjectProperty<ProbeStats> stats = new SimpleObjectProperty<>();
    private final ObjectProperty<ProbeVerification> verification = new SimpleObjectProperty<>();
    private final StringProperty error = new SimpleStringProperty("");
    private volatile WriteProbe probe;

    public ProbeModel(LabSpec lab, Nodes nodes, Executor background) {
        this(lab, nodes, background, Platform::runLater);
    }

    public ProbeModel(LabSpec lab, Nodes nodes, Executor background, Executor fx) {
        this.lab = lab;
        this.nodes = nodes;
        this.background = background;
        this.fx = fx;
    }

    public ObjectProperty<Phase> phaseProperty() { return phase; }

    public ObjectProperty<ProbeStats> statsProperty() { return stats; }

    public ObjectProperty<ProbeVerification> verificationProperty() { return verification; }

    public StringProperty errorProperty() { return error; }

    public boolean running() { return phase.get() == Phase.STARTING || phase.get() == Phase.RUNNING; }

    /** Starts writing; the current primary (from the last snapshot) is tried first. */
    public void start(ClusterSnapshot last) {
        if (running() || phase.get() == Phase.VERIFYING) return;
        phase.set(Phase.STARTING);
        verification.set(null);
        error.set("");
        background.execute(() -> {
            try {
                WriteProbe p = new WriteProbe(ordered(nodes.get(), last), DataConnections.settings(lab)).table(TABLE);
                probe = p;
                p.start();
                fx.execute(() -> phase.set(Phase.RUNNING));
            } catch (java.io.IOException | RuntimeException e) {
                fx.execute(() -> {
                    error.set(String.valueOf(e.getMessage()));
                    phase.set(Phase.FAILED);
                });
            }
        });
    }

    /** Stops writing, then reads the probe table on every node: lost must be 0. */
    public void stop() {
        WriteProbe p = probe;
        if (p == null || !running()) return;
        phase.set(Phase.VERIFYING);
        background.execute(() -> {
            try {
                p.stop();
                ProbeStats st = p.stats();
                fx.execute(() -> stats.set(st));
                ProbeVerification v = p.verify(nodes.get(), Duration.ofSeconds(10));
                fx.execute(() -> {
                    verification.set(v);
                    phase.set(Phase.VERIFIED);
                });
            } catch (Exception e) {
                if (e instanceof InterruptedException) Thread.currentThread().interrupt();
                fx.execute(() -> {
                    error.set(String.valueOf(e.getMessage()));
                    phase.set(Phase.FAILED);
                });
            }
        });
    }

    /** FX thread, on a ticker: copies the probe's counters (memory only) into the property. */
    public void refresh() {
        WriteProbe p = probe;
        if (p != null && (phase.get() == Phase.RUNNING || phase.get() == Phase.STARTING)) stats.set(p.stats());
    }

    /** The lab's nodes with the current primary first (pgjdbc tries them in order). */
    public static List<PgNode> ordered(List<PgNode> nodes, ClusterSnapshot last) {
        List<PgNode> all = new ArrayList<>(nodes);
        String primary = last == null ? null : last.writableNode().map(NodeStatus::name).orElse(null);
        if (primary != null) all.sort((a, b) -> Boolean.compare(!a.name().equals(primary), !b.name().equals(primary)));
        return all;
    }

    /** Releases the probe when the window closes (background). */
    public void close() {
        WriteProbe p = probe;
        if (p != null && p.isRunning()) {
            try {
                p.stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
