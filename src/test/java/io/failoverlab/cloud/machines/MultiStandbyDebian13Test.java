package io.failoverlab.cloud.machines;

import com.fasterxml.jackson.databind.JsonNode;
import io.failoverlab.lab.InstanceSpec;
import io.failoverlab.lab.LabProfiles;
import io.failoverlab.testing.MachineLabs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.parallel.ResourceLock;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Losing one and then two standbys of three on pg_auto_failover 2.2 (Debian 13, PostgreSQL 17),
 * as test_multi_standbys.py test_014 expects it: one Debian 13 machine (layout single) with the
 * monitor and three data nodes, driven through the CLI. The primary stays primary with one
 * standby left, stays primary with its writes blocked with none, goes wait_primary once
 * number_sync_standbys is 0, and both standbys rejoin. Each verb's time is a BENCH line.
 */
@Tag("cluster")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ResourceLock("machines")
class MultiStandbyDebian13Test {
    MachineLabs m;

    @BeforeAll
    void setUp() throws IOException {
        m = new MachineLabs("multi-13", "13", "single");
        m.lab.nodes.add(new InstanceSpec("node3", "vm", 6003));
        LabProfiles.save(m.lab, m.labFile);
    }

    @AfterAll
    void tearDown() {
        if (m != null) m.close();
    }

    JsonNode verb(String... args) throws IOException {
        Path json = m.root.resolve("op-" + System.nanoTime() + ".json");
        String[] a = new String[args.length + 2];
        System.arraycopy(args, 0, a, 0, args.length);
        a[args.length] = "--json";
        a[args.length + 1] = json.toString();
        MachineLabs.Run r = m.cli(a);
        JsonNode j = LabProfiles.JSON.readTree(Files.readString(json));
        System.out.printf("BENCH machines-13 three nodes %s: %.2f s ok=%s — %s%n", j.get("name").asText(),
                j.get("seconds").asDouble(), j.get("ok").asBoolean(), j.get("message").asText());
        assertEquals(0, r.code(), r.all());
        assertTrue(j.get("ok").asBoolean(), r.all());
        return j;
    }

    @Test
    void losingOneThenTwoStandbysOnPgAutoFailover22() throws Exception {
        MachineLabs.Run up = m.cli("up");
        assertEquals(0, up.code(), up.all());
        assertEquals(0, m.cli("profile", "fast").code());
        MachineLabs.Run status = m.cli("status", "--json");
        JsonNode s = LabProfiles.JSON.readTree(status.out());
        assertEquals(1, s.get("formation").get("numberSyncStandbys").asInt(), status.out());

        assertTrue(verb("stop-node", "node3").get("message").asText().contains("node1 stays primary"));
        assertTrue(verb("stop-node", "node2").get("message").asText().contains("writes block"));
        assertTrue(verb("set", "formation", "number-sync-standbys", "0").get("message").asText().contains("wait_primary"));
        verb("start-node", "node2");
        verb("start-node", "node3");
        JsonNode end = LabProfiles.JSON.readTree(m.cli("status", "--json").out());
        for (JsonNode n : end.get("nodes")) {
            assertEquals(n.get("name").asText().equals("node1") ? "primary" : "secondary", n.get("reportedState").asText(), end.toString());
        }
    }
}
