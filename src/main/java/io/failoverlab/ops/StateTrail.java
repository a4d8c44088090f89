package io.failoverlab.ops;

import io.failoverlab.lab.ClusterSnapshot;
import io.failoverlab.lab.NodeState;
import io.failoverlab.lab.StepResult;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Records the reported states one node went through while an operation waited, with the
 * seconds since the operation's start, so a result can say "primary→wait_primary after 24.1 s".
 * Snapshots are read every 200 ms, so a state held for less than that may be missed.
 */
final class StateTrail implements Consumer<ClusterSnapshot> {
    record Step(NodeState state, double seconds) { }

    private final String node;
    private final long t0;
    private final List<Step> steps = new ArrayList<>();

    StateTrail(String node, long t0, NodeState initial) {
        this.node = node;
        this.t0 = t0;
        if (initial != null) steps.add(new Step(initial, 0));
    }

    @Override
    public void accept(ClusterSnapshot s) {
        s.node(node).ifPresent(n -> {
            if (steps.isEmpty() || steps.get(steps.size() - 1).state() != n.reportedState()) {
                steps.add(new Step(n.reportedState(), StepResult.secondsSince(t0)));
            }
        });
    }

    /** Seconds at which the node first reported that state, or -1. */
    double firstAt(NodeState state) {
        return steps.stream().filter(x -> x.state() == state).mapToDouble(Step::seconds).findFirst().orElse(-1);
    }

    /** e.g. "demoted→catchingup→secondary". */
    String path() {
        List<String> ids = new ArrayList<>();
        for (Step x : steps) ids.add(x.state().id());
        return String.join("→", ids);
    }
}
