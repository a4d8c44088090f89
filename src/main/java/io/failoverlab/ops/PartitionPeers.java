package io.failoverlab.ops;

import io.failoverlab.lab.ClusterSnapshot;
import io.failoverlab.lab.HostSpec;
import io.failoverlab.lab.InstanceSpec;
import io.failoverlab.lab.LabException;
import io.failoverlab.lab.Msg;
import io.failoverlab.lab.LabSpec;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Which addresses a cut drops, and the one-sentence refusals when there is nothing to cut between. */
final class PartitionPeers {
    private PartitionPeers() { }

    /** The lab's data node of that name; the monitor and one-host labs are refused with the reason. */
    static InstanceSpec node(LabSpec lab, String name) {
        if (lab.monitor != null && lab.monitor.name.equals(name)) {
            throw new LabException(Msg.of("op.partition.monitor", LabNodes.names(lab)));
        }
        InstanceSpec inst = LabNodes.require(lab, name);
        requireSeveralHosts(lab);
        return inst;
    }

    /** True when the monitor and every data node have a host of their own: every partition is possible. */
    static boolean perRole(LabSpec lab) {
        Set<String> hosts = new LinkedHashSet<>();
        for (InstanceSpec i : lab.instances()) if (!hosts.add(lab.hostOf(i).id)) return false;
        return true;
    }

    static void requireSeveralHosts(LabSpec lab) {
        Set<String> hosts = new LinkedHashSet<>();
        for (InstanceSpec i : lab.instances()) hosts.add(lab.hostOf(i).id);
        if (hosts.size() < 2) {
            throw new LabException(Msg.of("op.partition.oneHost", lab.name, hosts.iterator().next()));
        }
    }

    /** The peers' addresses (SSH and internal, and what the monitor registered) that the node's host drops. */
    static List<String> addresses(LabSpec lab, InstanceSpec inst, Partition.From from, ClusterSnapshot registered) {
        HostSpec own = lab.hostOf(inst);
        List<InstanceSpec> peers = new ArrayList<>();
        if (from != Partition.From.STANDBYS) peers.add(lab.monitor);
        if (from != Partition.From.MONITOR) for (InstanceSpec n : lab.nodes) if (n != inst) peers.add(n);
        Set<String> ownAddrs = new java.util.HashSet<>(List.of(own.address, own.advertisedAddress()));
        Set<String> out = new LinkedHashSet<>();
        for (InstanceSpec p : peers) {
            HostSpec h = lab.hostOf(p);
            if (h.id.equals(own.id) || ownAddrs.contains(h.address) || ownAddrs.contains(h.advertisedAddress())) {
                throw new LabException(Msg.of("op.partition.sharesHost", inst.name, own.id, p.name));
            }
            add(out, h.address);
            add(out, h.advertisedAddress());
            if (registered != null) registered.node(p.name).ifPresent(n -> add(out, n.host()));
        }
        out.removeAll(ownAddrs);
        if (out.isEmpty()) throw new LabException(Msg.of("op.partition.noPeers", inst.name));
        return List.copyOf(out);
    }

    private static void add(Set<String> out, String a) {
        if (a == null || a.isBlank() || a.startsWith("127.") || a.equals("::1") || a.equals("localhost")) return;
        if (!a.matches("[0-9.]+|[0-9A-Fa-f:]+")) {
            throw new LabException(Msg.of("op.partition.hostName", a));
        }
        out.add(a);
    }
}
