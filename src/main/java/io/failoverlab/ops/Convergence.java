package io.failoverlab.ops;

import io.failoverlab.lab.ClusterSnapshot;
import io.failoverlab.lab.LabException;
import io.failoverlab.pgaf.MonitorClient;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Waits until the monitor's view satisfies a condition, re-reading it often (state changes
 * are also streamed by the operation's watcher); fails with the last state after a bound.
 */
public final class Convergence {
    private Convergence() { }

    public static ClusterSnapshot await(MonitorClient monitor, String formation, Predicate<ClusterSnapshot> done,
                                        Duration max, String what, Consumer<ClusterSnapshot> onEach) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        ClusterSnapshot last = null;
        while (true) {
            try {
                last = monitor.snapshot(formation);
            } catch (LabException e) {
                last = ClusterSnapshot.unreachable(e.getMessage());
            }
            if (onEach != null) onEach.accept(last);
            if (last.monitorReachable() && done.test(last)) return last;
            if (System.nanoTime() > deadline) {
                throw new LabException("Waited " + max.toSeconds() + " s for " + what + " without success; last state: "
                        + last.summary() + ".");
            }
            Thread.sleep(200);
        }
    }

    /** Every node has reached the state the monitor assigned it (no transition in flight). */
    public static Predicate<ClusterSnapshot> settled() {
        return s -> s.monitorReachable() && !s.nodes().isEmpty() && s.nodes().stream().noneMatch(n -> n.inTransition());
    }

    /** The node is registered and both reported and assigned this state. */
    public static Predicate<ClusterSnapshot> nodeIs(String name, io.failoverlab.lab.NodeState state) {
        return s -> s.node(name).filter(n -> n.reportedState() == state && n.assignedState() == state).isPresent();
    }

    /** One primary, every other node secondary, and as many nodes as expected. */
    public static Predicate<ClusterSnapshot> stable(int nodes) {
        return s -> s.converged() && s.nodes().size() == nodes;
    }
}
