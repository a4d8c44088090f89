package io.failoverlab.ops;

import io.failoverlab.lab.ClusterSnapshot;
import io.failoverlab.lab.Msg;
import io.failoverlab.lab.NodeState;
import io.failoverlab.lab.NodeStatus;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What pg_auto_failover's rules say an operation will lead to (MonitorRules), said before acting:
 * a sentence, the states each named node may settle in, whether writes on the primary block, or
 * a refusal when pg_auto_failover cannot act at all. Compared with what the monitor did.
 */
public record Expectation(Msg story, Map<String, Set<NodeState>> states, boolean writesBlock, Msg refusal) {
    public Expectation {
        states = Map.copyOf(states);
    }

    public static Expectation refused(Msg why) { return new Expectation(why, Map.of(), false, why); }

    public static Builder builder(Msg story) { return new Builder(story); }

    public boolean isRefused() { return refusal != null; }

    /** The nodes whose settled state differs from the expected one, as "node: state (expected a|b)"; empty when all match. */
    public Optional<String> mismatch(ClusterSnapshot end) {
        String wrong = states.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(e -> {
            Optional<NodeStatus> n = end.node(e.getKey());
            boolean dropOk = e.getValue().contains(NodeState.DROPPED);
            if (n.isEmpty()) return dropOk ? null : e.getKey() + ": " + NodeState.DROPPED.id();
            if (dropOk && n.get().assignedState() == NodeState.DROPPED) return null;
            boolean ok = e.getValue().contains(n.get().reportedState()) && e.getValue().contains(n.get().assignedState());
            return ok ? null : e.getKey() + ": " + n.get().stateShown() + " (" + names(e.getValue()) + ")";
        }).filter(x -> x != null).collect(Collectors.joining(", "));
        return wrong.isEmpty() ? Optional.empty() : Optional.of(wrong);
    }

    /** "node1 primary, node2 secondary|catchingup": the expected states, for messages. */
    public String expectedSummary() {
        return states.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + " " + names(e.getValue())).collect(Collectors.joining(", "));
    }

    private static String names(Set<NodeState> states) {
        return states.stream().sorted().map(NodeState::id).collect(Collectors.joining("|"));
    }

    /** Collects the expected states node by node. */
    public static final class Builder {
        private final Msg story;
        private final Map<String, Set<NodeState>> states = new LinkedHashMap<>();
        private boolean writesBlock;

        private Builder(Msg story) { this.story = story; }

        public Builder node(String name, NodeState first, NodeState... more) {
            return node(name, EnumSet.of(first, more));
        }

        public Builder node(String name, Set<NodeState> allowed) {
            states.put(name, EnumSet.copyOf(allowed));
            return this;
        }

        public Builder writesBlock(boolean block) {
            writesBlock = block;
            return this;
        }

        public Expectation build() { return new Expectation(story, states, writesBlock, null); }
    }
}
