package io.failoverlab.ops;

import io.failoverlab.lab.ClusterSnapshot;
import io.failoverlab.lab.InstanceSpec;
import io.failoverlab.lab.LabException;
import io.failoverlab.lab.Msg;
import io.failoverlab.lab.LabSpec;
import io.failoverlab.lab.NodeStatus;

import java.util.stream.Collectors;

/** Looks up the lab's data nodes by name, with the one-sentence errors the verbs print. */
final class LabNodes {
    private LabNodes() { }

    /** The lab's node of that name; checked before anything touches a host. */
    static InstanceSpec require(LabSpec lab, String name) {
        if (name == null || name.isBlank()) {
            throw new LabException(Msg.of("op.node.unnamed", names(lab)));
        }
        return lab.node(name).orElseThrow(() -> new LabException(
                lab.monitor != null && lab.monitor.name.equals(name) ? Msg.of("op.node.isMonitor", name, names(lab))
                        : Msg.of("op.node.unknown", name, names(lab))));
    }

    /**
     * The node's row at the monitor; fails when it is not registered there (for example dropped).
     * action: what was refused, an id of op.refused.* in the messages (promote, drop, …).
     */
    static NodeStatus registered(ClusterSnapshot s, String name, String action) {
        return s.node(name).orElseThrow(() -> new LabException(Msg.of("op.node.notRegistered",
                Msg.of("op.refused." + action, name), name)));
    }

    static String names(LabSpec lab) {
        return lab.nodes.stream().map(n -> n.name).collect(Collectors.joining(", "));
    }

    /** "node1 primary, node2 secondary" without the node just removed, for messages. */
    static String others(ClusterSnapshot s, String except) {
        return s.nodes().stream().filter(n -> !n.name().equals(except))
                .map(n -> n.name() + " " + n.reportedState().id()).collect(Collectors.joining(", "));
    }
}
