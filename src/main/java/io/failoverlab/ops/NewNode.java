package io.failoverlab.ops;

import io.failoverlab.lab.InstanceSpec;
import io.failoverlab.lab.LabException;
import io.failoverlab.lab.LabSpec;
import io.failoverlab.lab.Msg;

import java.io.IOException;
import java.net.ServerSocket;

/**
 * A brand-new data node for a running lab (pg_auto_failover's tutorial: "add a third node"): on
 * the host of the lab's first node, on the port given or the next one free above the lab's.
 * A lab whose roles each have a machine of their own needs a new machine instead, which the
 * machines and GCE providers cannot make for a running lab yet: refused with the way round.
 */
final class NewNode {
    private NewNode() { }

    static InstanceSpec plan(LabSpec lab, String name, Integer port) {
        if (!name.matches("[a-z][a-z0-9_-]{0,30}")) throw new LabException(Msg.of("op.addNode.badName", name));
        if (lab.monitor != null && lab.monitor.name.equals(name)) throw new LabException(Msg.of("op.addNode.badName", name));
        if (lab.isProvisioned()) throw new LabException(Msg.of("op.addNode.needsMachine", name, lab.provider));
        InstanceSpec first = lab.nodes.get(0);
        int p = port != null ? port : nextPort(lab, first.host);
        boolean taken = lab.nodes.stream().anyMatch(n -> n.host.equals(first.host) && n.port == p)
                || (lab.monitor != null && lab.monitor.host.equals(first.host) && lab.monitor.port == p);
        if (taken) throw new LabException(Msg.of("op.addNode.portTaken", p, first.host));
        return new InstanceSpec(name, first.host, p);
    }

    /** Above every port of the lab; on this computer also free right now. */
    private static int nextPort(LabSpec lab, String host) {
        int p = lab.nodes.stream().mapToInt(n -> n.port).max().orElse(6002);
        if (lab.monitor != null) p = Math.max(p, lab.monitor.port);
        boolean here = lab.host(host).map(h -> h.local).orElse(false);
        do {
            p++;
        } while (here && !free(p) && p < 65535);
        return p;
    }

    private static boolean free(int port) {
        try (ServerSocket s = new ServerSocket(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
