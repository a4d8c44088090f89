package io.failoverlab.engine;

import io.failoverlab.lab.InstanceSpec;
import io.failoverlab.ops.DataConnections;
import io.failoverlab.ops.Heal;
import io.failoverlab.ops.OperationResult;
import io.failoverlab.ops.PartitionProbe;
import io.failoverlab.testing.NetnsLab;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;

/** What MultiHostClusterTest's partition cases look at from outside the engine: the namespaces' own view. */
final class PartitionChecks {
    /** The nftables table the app's cut lives in. */
    static final String TABLE = "failover_lab_partition";

    private PartitionChecks() { }

    /** A cut an earlier failed test left in place: healed first, so one failure does not cascade. */
    static void healLeftovers(LabEngine engine) throws Exception {
        new Heal(engine, null).run();
    }

    /** Writes through the multi-host URL and, apart, to the isolated node through its own tunnel. */
    static PartitionProbe probeFor(LabEngine engine, String isolated) throws Exception {
        InstanceSpec inst = engine.spec().node(isolated).orElseThrow();
        List<io.failoverlab.check.PgNode> others = new ArrayList<>();
        for (InstanceSpec n : engine.spec().nodes) if (n != inst) others.add(engine.dataNode(n));
        return new PartitionProbe(others, engine.dataNode(inst), DataConnections.settings(engine.spec())).start();
    }

    /** Whether a TCP connection from one namespace to another's address and port gets through within 3 s. */
    static boolean reaches(NetnsLab h, String fromRole, String toRole, int port) throws Exception {
        String out = h.net.exec(fromRole, "sh", "-c", "timeout 3 bash -c 'exec 3<>/dev/tcp/" + h.net.address(toRole) + "/" + port
                + "' 2>/dev/null && echo yes || echo no");
        return out.strip().equals("yes");
    }

    static void assertNoTableAnywhere(NetnsLab h) throws Exception {
        for (String role : NetnsLab.ROLES) {
            String t = h.net.exec(role, "nft", "list", "tables");
            assertFalse(t.contains(TABLE), role + " still has our table: " + t);
        }
    }

    static void bench(String profile, String what, OperationResult r, OperationResult h) {
        Map<String, Double> f = r.figures();
        System.out.printf(Locale.ROOT, "BENCH partition %s %s: partitionFailoverSeconds %s (expected %.1f), selfDemoteSeconds %s (expected %.1f),"
                        + " healRejoinSeconds %.1f, acknowledgedOnOldPrimaryAfterPromotion %.0f, writesInDoubt %.0f, lostWrites %.0f%n",
                profile, what, f.getOrDefault("partitionFailoverSeconds", -1.0), f.get("expectedFailoverSeconds"),
                f.getOrDefault("selfDemoteSeconds", -1.0), f.get("expectedSelfDemoteSeconds"), h.figures().get("healRejoinSeconds"),
                f.get("acknowledgedOnOldPrimaryAfterPromotion"), f.get("writesInDoubt"), h.figures().get("lostWrites"));
    }
}
