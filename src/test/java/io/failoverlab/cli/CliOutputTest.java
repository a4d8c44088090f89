package io.failoverlab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.failoverlab.lab.Json;
import io.failoverlab.testing.TestLabs;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.failoverlab.cli.CliTest.assertOneSentence;
import static io.failoverlab.cli.CliTest.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the verbs write besides the terminal: --json FILE, and a report folder that cannot be written. */
class CliOutputTest {
    @Test
    void anOperationVerbWritesItsResultAsJsonEvenWhenItFails() throws Exception {
        Path root = TestLabs.tempRoot("cli-json-");
        try {
            Path json = root.resolve("out/switchover.json");
            CliTest.Run r = cli("switchover", "--json", json.toString(), "--data-dir", root.resolve("lab").toString(),
                    "--monitor-port", String.valueOf(TestLabs.freePort()), "--node-ports", TestLabs.freePort() + "," + TestLabs.freePort(),
                    "--config-dir", root.resolve("config").toString());
            assertOneSentence(r);
            JsonNode o = Json.MAPPER.readTree(json.toFile());
            assertEquals(List.of("name", "ok", "seconds", "message", "figures"), iterate(o));
            assertEquals("switchover", o.get("name").asText());
            assertFalse(o.get("ok").asBoolean());
            assertEquals(r.err().strip(), o.get("message").asText());
        } finally {
            TestLabs.deleteTree(root);
        }
    }

    @Test
    void optionsBeforeTheVerbCountAsMuchAsAfterIt() throws Exception {
        Path root = TestLabs.tempRoot("cli-before-");
        try {
            CliTest.Run r = cli("--config-dir", root.resolve("config").toString(), "--monitor-port", String.valueOf(TestLabs.freePort()),
                    "--node-ports", TestLabs.freePort() + "," + TestLabs.freePort(), "status", "--data-dir", root.resolve("lab").toString());
            assertOneSentence(r);
            assertTrue(r.err().contains("unreachable"), r.err());
            assertTrue(Files.isDirectory(root.resolve("config/journals/local")), "the journal went to --config-dir given before the verb");
        } finally {
            TestLabs.deleteTree(root);
        }
    }

    @Test
    void aReportToAFolderThatCannotBeWrittenIsOneSentence() throws Exception {
        Path root = TestLabs.tempRoot("cli-report-");
        try {
            Path journal = root.resolve("journal");
            Files.createDirectories(journal);
            Files.writeString(journal.resolve("journal.jsonl"), "");
            CliTest.Run r = cli("report", "--out", "/proc/nope", "--journal", journal.toString());
            assertOneSentence(r);
            assertTrue(r.err().startsWith("Cannot write the report to /proc/nope: "), r.err());
        } finally {
            TestLabs.deleteTree(root);
        }
    }

    private static List<String> iterate(JsonNode o) {
        List<String> names = new java.util.ArrayList<>();
        o.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
