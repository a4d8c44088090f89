package io.failoverlab.ops;

import io.failoverlab.engine.MonitorFeed;
import io.failoverlab.lab.ClusterSnapshot;
import io.failoverlab.lab.LabException;
import io.failoverlab.lab.Msg;
import io.failoverlab.lab.NodeState;
import io.failoverlab.lab.StepResult;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The one way an operation waits on the monitor (docs/architecture.md, Following the monitor):
 * one read now, then each snapshot the lab's feed reads (it re-reads every 200 ms while someone
 * waits) until a condition holds or a bound passes. {@link #follow} waits for the formation to
 * settle (Settling) and returns what it saw; {@link #await} waits for one named condition, such
 * as the moment a standby becomes writable, and fails at the bound. An unreachable monitor is
 * handed over as an unreachable snapshot.
 */
public final class Convergence {
    private Convergence() { }

    /** Follows the feed until the formation settles or the bound passes; never throws at the bound. */
    public static Followed follow(MonitorFeed feed, Settling settling, Duration max,
                                  Consumer<ClusterSnapshot> onEach) throws InterruptedException {
        long t0 = System.nanoTime();
        Seen seen = watch(feed, settling::offer, max, onEach);
        return new Followed(seen.last, seen.done, StepResult.secondsSince(t0), settling);
    }

    /** Waits until done holds on a reachable monitor; a LabException with the last state at the bound. */
    public static ClusterSnapshot await(MonitorFeed feed, Predicate<ClusterSnapshot> done,
                                        Duration max, Msg what, Consumer<ClusterSnapshot> onEach) throws InterruptedException {
        Seen seen = watch(feed, s -> s.monitorReachable() && done.test(s), max, onEach);
        if (!seen.done) throw new LabException(Msg.of("op.convergence.timeout", max.toSeconds(), what, seen.last.summary()));
        return seen.last;
    }

    /**
     * Hands every snapshot (reachable or not) to onEach until done holds or the bound passes, for
     * operations that watch more than the monitor (a cut node, the write probe) on its rhythm;
     * true when done held.
     */
    public static boolean observe(MonitorFeed feed, Predicate<ClusterSnapshot> done, Duration max,
                                  Consumer<ClusterSnapshot> onEach) throws InterruptedException {
        return watch(feed, done, max, onEach).done;
    }

    private record Seen(ClusterSnapshot last, boolean done) { }

    private static Seen watch(MonitorFeed feed, Predicate<ClusterSnapshot> done, Duration max,
                              Consumer<ClusterSnapshot> onEach) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        try (MonitorFeed.Reader reads = feed.reader()) {
            ClusterSnapshot last = feed.readNow();
            while (true) {
                if (onEach != null) onEach.accept(last);
                if (done.test(last)) return new Seen(last, true);
                ClusterSnapshot next = null;
                while (next == null) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) return new Seen(last, false);
                    next = reads.next(left);
                }
                last = next;
            }
        }
    }

    /** The node is registered and both reported and assigned this state. */
    public static Predicate<ClusterSnapshot> nodeIs(String name, NodeState state) {
        return s -> s.node(name).filter(n -> n.reportedState() == state && n.assignedState() == state).isPresent();
    }
}
