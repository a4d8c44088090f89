package io.failoverlab.ops;

import io.failoverlab.engine.MonitorFeed;
import io.failoverlab.lab.ClusterSnapshot;
import io.failoverlab.lab.LabException;
import io.failoverlab.lab.Msg;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Waits until the monitor's view satisfies a condition: one read now, then each snapshot the lab's
 * feed reads (it re-reads every 200 ms while someone waits, docs/architecture.md); fails with the
 * last state after a bound. An unreachable monitor is handed over as an unreachable snapshot.
 */
public final class Convergence {
    private Convergence() { }

    public static ClusterSnapshot await(MonitorFeed feed, Predicate<ClusterSnapshot> done,
                                        Duration max, Msg what, Consumer<ClusterSnapshot> onEach) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        try (MonitorFeed.Reader reads = feed.reader()) {
            ClusterSnapshot last = feed.readNow();
            while (true) {
                if (onEach != null) onEach.accept(last);
                if (last.monitorReachable() && done.test(last)) return last;
                ClusterSnapshot next = null;
                while (next == null) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        throw new LabException(Msg.of("op.convergence.timeout", max.toSeconds(), what, last.summary()));
                    }
                    next = reads.next(left);
                }
                last = next;
            }
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
