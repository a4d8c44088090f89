package io.failoverlab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.failoverlab.lab.LabProfiles;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static io.failoverlab.cli.CliTest.assertOneSentence;
import static io.failoverlab.cli.CliTest.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** partition / heal / kill-primary --mode network from the CLI: bad input refused in one sentence, --json FILE written. */
class PartitionCliTest {
    @Test
    void usageAndUnknownOptions() {
        assertTrue(cli("partition").err().startsWith("Missing: NODE."), cli("partition").err());
        assertOneSentence(cli("partition"));
        CliTest.Run from = cli("partition", "node1", "--from", "everyone", "--no-journal");
        assertOneSentence(from);
        assertTrue(from.err().contains("use all, monitor or standbys"), from.err());
        CliTest.Run mode = cli("kill-primary", "--mode", "cable", "--no-journal");
        assertOneSentence(mode);
        assertTrue(mode.err().contains("network"), mode.err());
        assertOneSentence(cli("heal", "node1", "node2"));
        assertTrue(cli("partition", "--help").out().contains("--from all|monitor|standbys"));
    }

    @Test
    void theMonitorAndAOneHostLabAreRefusedAndTheJsonSaysWhy() throws Exception {
        Path dir = Files.createTempDirectory("partition-cli");
        try {
            Path json = dir.resolve("r.json");
            CliTest.Run m = cli("partition", "monitor", "--no-journal", "--data-dir", dir.resolve("lab").toString(), "--json", json.toString());
            assertOneSentence(m);
            assertTrue(m.err().startsWith("The monitor is not partitioned"), m.err());
            JsonNode o = LabProfiles.JSON.readTree(Files.readString(json));
            assertEquals("partition monitor from all", o.get("name").asText());
            assertFalse(o.get("ok").asBoolean());
            assertEquals(m.err().strip(), o.get("message").asText());
            assertTrue(o.has("seconds") && o.has("figures"), o.toString());

            CliTest.Run one = cli("partition", "node1", "--from", "monitor", "--no-journal", "--data-dir", dir.resolve("lab").toString());
            assertOneSentence(one);
            assertTrue(one.err().contains("on one host") && one.err().contains("per-role"), one.err());
            assertFalse(Files.exists(dir.resolve("lab")), "nothing was created");
        } finally {
            try (var w = Files.walk(dir)) {
                w.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
