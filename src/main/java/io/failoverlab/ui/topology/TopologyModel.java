package io.failoverlab.ui.topology;

import io.failoverlab.ui.nodes.NodeRow;
import io.failoverlab.lab.ClusterSnapshot;
import io.failoverlab.lab.NodeState;
import io.failoverlab.lab.NodeStatus;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the topology diagram draws, made from one ClusterSnapshot only: the monitor, each node
 * with its role and state class (the table's colours), and a replication arrow from the primary
 * to each node that streams from it. Nodes come primary first, then the others by name, so the
 * diagram can give the primary its own place and move a node there when it is promoted.
 */
public record TopologyModel(boolean monitorUp, List<Node> nodes, List<Edge> edges, MonitorMark monitor) {

    /**
     * What the monitor's box says beyond up or down: LOST once a monitor that answered stops
     * answering, BACK when it answers again, REPLACED after replace-monitor (then until the next loss).
     */
    public enum MonitorMark { NONE, LOST, BACK, REPLACED }

    public TopologyModel(boolean monitorUp, List<Node> nodes, List<Edge> edges) {
        this(monitorUp, nodes, edges, MonitorMark.NONE);
    }

    /** The same picture with the monitor's box marked so. */
    public TopologyModel withMonitor(boolean up, MonitorMark mark) {
        return new TopologyModel(up, nodes, edges, mark);
    }

    /** machineOff: the node's machine or VM is switched off (the app knows it; the monitor sees only silence). */
    public record Node(String name, String hostPort, NodeState reported, NodeState assigned, NodeRow.Role role, boolean machineOff) {
        public String styleClass() { return NodeRow.styleClass(reported); }

        public boolean inTransition() { return reported != assigned; }
    }

    /** Replication from → to; streaming when the standby reports secondary (else catching up or on its way). */
    public record Edge(String from, String to, boolean streaming) { }

    public static final TopologyModel EMPTY = new TopologyModel(false, List.of(), List.of());

    public static TopologyModel of(ClusterSnapshot s) { return of(s, Set.of()); }

    /** offNodes: nodes whose machine is switched off now. */
    public static TopologyModel of(ClusterSnapshot s, Set<String> offNodes) {
        if (s == null) return EMPTY;
        Optional<NodeStatus> primary = s.writableNode();
        if (primary.isEmpty()) primary = s.nodes().stream().filter(n -> n.reportedState().writable()).findFirst();
        String p = primary.map(NodeStatus::name).orElse(null);
        List<Node> nodes = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        for (NodeStatus n : s.nodes()) {
            NodeRow.Role role = n.name().equals(p) ? NodeRow.Role.PRIMARY
                    : n.reportedState().connection() == NodeState.Connection.READ_ONLY ? NodeRow.Role.STANDBY : NodeRow.Role.NONE;
            nodes.add(new Node(n.name(), n.hostPort(), n.reportedState(), n.assignedState(), role, offNodes.contains(n.name())));
            if (p != null && role == NodeRow.Role.STANDBY) edges.add(new Edge(p, n.name(), n.reportedState() == NodeState.SECONDARY));
        }
        nodes.sort(Comparator.comparing((Node n) -> n.role() != NodeRow.Role.PRIMARY).thenComparing(Node::name));
        return new TopologyModel(s.monitorReachable(), List.copyOf(nodes), List.copyOf(edges));
    }

    /** The same picture with these nodes' machines marked off (and the others on). */
    public TopologyModel withMachinesOff(Set<String> offNodes) {
        List<Node> out = new ArrayList<>();
        for (Node n : nodes) out.add(new Node(n.name(), n.hostPort(), n.reported(), n.assigned(), n.role(), offNodes.contains(n.name())));
        return new TopologyModel(monitorUp, List.copyOf(out), edges, monitor);
    }

    public Optional<Node> node(String name) {
        return nodes.stream().filter(n -> n.name().equals(name)).findFirst();
    }

    public Optional<Node> primary() {
        return nodes.stream().filter(n -> n.role() == NodeRow.Role.PRIMARY).findFirst();
    }
}
