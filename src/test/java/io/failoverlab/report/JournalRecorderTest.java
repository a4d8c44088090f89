package io.failoverlab.report;

import io.failoverlab.lab.ClusterSnapshot;
import io.failoverlab.lab.LabSpec;
import io.failoverlab.lab.LogLine;
import io.failoverlab.lab.NodeState;
import io.failoverlab.lab.NodeStatus;
import io.failoverlab.lab.StepResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The journal on its own: what it keeps, what it masks, how it bounds output, and that a torn line does not break it. */
class JournalRecorderTest {
    @TempDir
    Path dir;

    static ClusterSnapshot snap(NodeState a, NodeState b) {
        return new ClusterSnapshot(Instant.now(), true, null, List.of(
                new NodeStatus("node1", 1, 0, "127.0.0.1", 6001, a, a, NodeStatus.Health.GOOD, 1, "0/3000148", 50, true, 0, 0, true),
                new NodeStatus("node2", 2, 0, "127.0.0.1", 6002, b, b, NodeStatus.Health.GOOD, 1, "0/3000148", 50, true, 0, 0, true)));
    }

    @Test
    void recordsStepsCommandsStatesAndFiguresWithSecretsMasked() throws Exception {
        Journal j = new Journal(dir.resolve("journal"));
        JournalRecorder r = new JournalRecorder(j, Secrets.fromEnvironment(Map.of("FAILOVER_LAB_SSH_PASSPHRASE", "env-pass-9876", "HOME", "/root")));
        r.session(LabSpec.local("/tmp/x/lab", 6000, 6001, 6002));
        r.snapshot(snap(NodeState.PRIMARY, NodeState.SECONDARY));
        r.snapshot(snap(NodeState.PRIMARY, NodeState.SECONDARY)); // unchanged: not kept again
        r.stepStarted("switchover");
        r.log(LogLine.of("local", LogLine.Level.COMMAND, "postgres$ PGPASSWORD=hunter2 psql -c \"ALTER ROLE x PASSWORD 'sql-secret'\""));
        r.log(LogLine.of("local", LogLine.Level.OUTPUT, "-----BEGIN OPENSSH PRIVATE KEY-----"));
        r.log(LogLine.of("local", LogLine.Level.OUTPUT, "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAE"));
        r.log(LogLine.of("local", LogLine.Level.OUTPUT, "-----END OPENSSH PRIVATE KEY-----"));
        r.log(LogLine.of("local", LogLine.Level.OUTPUT, "the passphrase is env-pass-9876 and uri postgres://autoctl:uripass@host/db"));
        for (int i = 0; i < JournalRecorder.MAX_LINES_PER_STEP + 50; i++) r.log(LogLine.of("local", LogLine.Level.OUTPUT, "line " + i));
        r.log(LogLine.of("monitor", LogLine.Level.EVENT, "Setting goal state of node 2 to prepare_promotion"));
        r.snapshot(snap(NodeState.SECONDARY, NodeState.PRIMARY));
        r.figures("switchover", Map.of("switchoverSeconds", 3.5), snap(NodeState.SECONDARY, NodeState.PRIMARY));
        r.stepFinished(StepResult.passed("switchover", 4.2, "node2 is primary"));

        String text = Files.readString(j.file());
        for (String secret : List.of("hunter2", "sql-secret", "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAE", "env-pass-9876", "uripass")) {
            assertFalse(text.contains(secret), secret + " leaked into the journal");
        }
        List<JournalEntry> all = j.read();
        assertEquals(2, all.stream().filter(e -> "state".equals(e.type()) && "live".equals(e.phase())).count(), "only changes are kept");
        assertEquals(1, all.stream().filter(e -> "event".equals(e.type())).count(), "the event is kept once");
        long out = all.stream().filter(e -> "out".equals(e.type())).count();
        assertEquals(JournalRecorder.MAX_LINES_PER_STEP, out, "output is bounded per step");
        assertTrue(all.stream().anyMatch(e -> "note".equals(e.type()) && e.text().contains("more output lines")));
        JournalEntry end = all.stream().filter(e -> "end".equals(e.type())).findFirst().orElseThrow();
        assertEquals(Boolean.TRUE, end.ok());
        assertEquals(3.5, all.stream().filter(e -> "figures".equals(e.type())).findFirst().orElseThrow().figures().get("switchoverSeconds"));
        JournalEntry after = all.stream().filter(e -> "state".equals(e.type()) && "after".equals(e.phase())).findFirst().orElseThrow();
        assertEquals("primary", after.state().nodes().get(1).reported());
        assertEquals(end.id(), after.id());
    }

    @Test
    void aTornLastLineIsSkippedAndTheNextEntryStartsClean() throws Exception {
        Journal j = new Journal(dir.resolve("torn"));
        JournalRecorder r = new JournalRecorder(j, Secrets.patterns());
        r.stepStarted("preflight");
        r.stepFinished(StepResult.passed("preflight", 0.5, "ok"));
        Files.writeString(j.file(), "{\"type\":\"start\",\"at\":\"2024-", StandardCharsets.UTF_8, StandardOpenOption.APPEND); // crash mid-line
        JournalRecorder again = new JournalRecorder(new Journal(j.dir()), Secrets.patterns()); // the lab reopened
        again.stepStarted("install");
        again.stepFinished(StepResult.failed("install", 1.0, "no network"));
        List<JournalEntry> all = new Journal(j.dir()).read();
        assertEquals(List.of("start", "end", "start", "end"), all.stream().map(JournalEntry::type).toList());
        assertTrue(all.get(2).id() > all.get(0).id(), "ids go on after a reopen");
    }

    @Test
    void secretsPatterns() {
        Secrets s = Secrets.patterns().with("literal-secret");
        assertEquals("password=" + Secrets.MASK + " x", s.mask("password=abc x"));
        assertEquals("ALTER ROLE a PASSWORD '" + Secrets.MASK + "'", s.mask("ALTER ROLE a PASSWORD 'it''s'"));
        assertEquals("--password " + Secrets.MASK, s.mask("--password pw1"));
        assertEquals("a " + Secrets.MASK + " b", s.mask("a literal-secret b"));
        assertFalse(s.mask("-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----").contains("MIIE"));
        assertEquals("pg_autoctl show state", s.mask("pg_autoctl show state"));
    }
}
