package io.failoverlab.ui.session;

import io.failoverlab.engine.MachinePower;
import io.failoverlab.lab.InstanceSpec;
import io.failoverlab.lab.LabSpec;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Which data nodes' machines are switched off, for the diagram: the monitor only sees a node go
 * silent, the app knows its machine has no power. Asked every few seconds on a thread of its own,
 * for labs of machines on this computer only (there the answer is a local look; a GCE VM would
 * cost a gcloud call each time). Hands over only a changed answer.
 */
final class MachinePowerWatch implements AutoCloseable {
    static final long PERIOD_SECONDS = 3;

    private final LabSpec lab;
    private final MachinePower power;
    private final Consumer<Set<String>> changed;
    private ScheduledExecutorService timer;
    private Set<String> last;

    MachinePowerWatch(LabSpec lab, MachinePower power, Consumer<Set<String>> changed) {
        this.lab = lab;
        this.power = power;
        this.changed = changed;
    }

    /** Idempotent. */
    synchronized void start() {
        if (timer != null) return;
        timer = Executors.newSingleThreadScheduledExecutor(LabSession.daemon("machine-power"));
        timer.scheduleWithFixedDelay(this::look, 0, PERIOD_SECONDS, TimeUnit.SECONDS);
    }

    /** One look: the nodes whose host is off now (a failed look changes nothing). */
    void look() {
        Set<String> off = new TreeSet<>();
        try {
            Map<String, Boolean> on = power.states(); // one look at every machine, not one per node
            for (InstanceSpec n : lab.nodes) {
                if (n.host != null && Boolean.FALSE.equals(on.get(n.host))) off.add(n.name);
            }
        } catch (Exception e) {
            return; // the next look tries again
        }
        synchronized (this) {
            if (off.equals(last)) return;
            last = off;
        }
        changed.accept(Set.copyOf(off));
    }

    @Override
    public synchronized void close() {
        if (timer != null) timer.shutdownNow();
        timer = null;
    }
}
