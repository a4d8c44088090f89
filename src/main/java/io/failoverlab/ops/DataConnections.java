package io.failoverlab.ops;

import io.failoverlab.check.ConnectionSettings;
import io.failoverlab.check.PgNode;
import io.failoverlab.check.WriteProbe;
import io.failoverlab.lab.InstanceSpec;
import io.failoverlab.lab.LabException;
import io.failoverlab.lab.LabSpec;
import io.failoverlab.lab.Msg;
import io.failoverlab.lab.SslMode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** How the app's own clients (data check, write probe) reach the lab's data nodes. */
public final class DataConnections {
    private DataConnections() { }

    /** The lab database as postgres; nodes created with --ssl-self-signed require SSL. */
    public static ConnectionSettings settings(LabSpec lab) {
        return ConnectionSettings.of(lab.database, "postgres").withSslMode(lab.ssl == SslMode.SELF_SIGNED ? "require" : "prefer");
    }

    /**
     * Where the app reaches each data node: directly on this machine, through an SSH tunnel to
     * the node's loopback on a remote host (see LabEngine.dataNode), so a lab whose nodes use
     * scram-sha-256 on the network needs no extra HBA rule and no password for the console.
     */
    public static List<PgNode> nodes(io.failoverlab.engine.LabEngine engine) throws java.io.IOException {
        return engine.dataNodes();
    }

    /** Waits for the probe's first acknowledged write (the primary answers writes before a fault); fails in a sentence. */
    static void awaitFirstWrite(WriteProbe probe, Duration bound) throws InterruptedException {
        if (probe.awaitAck(a -> true, bound).isEmpty()) throw new LabException(Msg.of("op.kill.probeFailed", probe.stats().lastError()));
    }

    /** Each node at its host's address (only right when the app runs on a host of the lab). */
    public static List<PgNode> nodes(LabSpec lab) {
        List<PgNode> nodes = new ArrayList<>();
        for (InstanceSpec n : lab.nodes) nodes.add(new PgNode(n.name, lab.hostOf(n).address, n.port));
        return nodes;
    }
}
