package io.failoverlab.ops;

import io.failoverlab.lab.ClusterSnapshot;
import io.failoverlab.lab.NodeStatus;
import io.failoverlab.lab.StepResult;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Notes, while an operation follows the monitor, when a node first met a condition (another node
 * accepts writes, another node is primary) and which node it was.
 */
final class FirstSeen implements Consumer<ClusterSnapshot> {
    private final long t0;
    private final Function<ClusterSnapshot, Optional<NodeStatus>> find;
    private double at = -1;
    private String name;

    private FirstSeen(long t0, Function<ClusterSnapshot, Optional<NodeStatus>> find) {
        this.t0 = t0;
        this.find = find;
    }

    /** A node other than old accepts writes (reported and assigned a writable state). */
    static FirstSeen writerOtherThan(String old, long t0) {
        return new FirstSeen(t0, s -> s.writableNode().filter(n -> !n.name().equals(old)));
    }

    /** A node other than old is primary, reported and assigned. */
    static FirstSeen primaryOtherThan(String old, long t0) {
        return new FirstSeen(t0, s -> s.stablePrimary().filter(n -> !n.name().equals(old)));
    }

    @Override
    public void accept(ClusterSnapshot s) {
        if (at >= 0) return;
        find.apply(s).ifPresent(n -> {
            name = n.name();
            at = StepResult.secondsSince(t0);
        });
    }

    /** Seconds since the start, or -1 when never seen. */
    double at() { return at; }

    /** The node, or null when never seen. */
    String name() { return name; }
}
