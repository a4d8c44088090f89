package io.failoverlab.report;

import io.failoverlab.lab.LabException;
import io.failoverlab.lab.LabSpec;
import io.failoverlab.lab.LogLine;
import io.failoverlab.lab.Msg;
import io.failoverlab.lab.NodeState;
import io.failoverlab.lab.StepResult;
import io.failoverlab.testing.EnglishText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A report from a made-up journal: the commands a person types are shown with their output, the
 * app's probes are folded into technical details, and the Russian report has no English sentence
 * outside commands, output and names (testing.EnglishText).
 */
class RussianReportTest {
    @TempDir
    Path dir;

    static LogLine cmd(String text) { return LogLine.of("local", LogLine.Level.COMMAND, text); }

    static LogLine probe(String text) { return LogLine.of("local", LogLine.Level.PROBE, text); }

    static LogLine out(String text) { return LogLine.of("local", LogLine.Level.OUTPUT, text); }

    Journal journal() {
        Journal j = new Journal(dir.resolve("journal"));
        JournalRecorder r = new JournalRecorder(j, Secrets.patterns());
        r.session(LabSpec.local("/tmp/x/lab", 6000, 6001, 6002));
        r.stepStarted("preflight");
        r.log(probe("$ getent passwd postgres >/dev/null"));
        r.log(probe("$ (exec 3<>/dev/tcp/127.0.0.1/6000) 2>/dev/null"));
        r.log(LogLine.of("local", LogLine.Level.ERROR, "exit code 1"));
        r.stepFinished(StepResult.passed("preflight", 0.1, Msg.of("step.preflight.done", 1)));
        r.stepStarted("monitor");
        r.log(probe("postgres$ [ -f /tmp/x/lab/monitor/PG_VERSION ]"));
        r.log(cmd("postgres$ pg_autoctl create monitor --pgdata /tmp/x/lab/monitor --pgport 6000"));
        r.log(out("12:00:01 10 INFO  Monitor has been successfully initialized."));
        r.note(Msg.of("step.note.checkpoint", "node2", "node1"));
        r.snapshot(JournalRecorderTest.snap(NodeState.PRIMARY, NodeState.SECONDARY));
        r.stepFinished(StepResult.passed("monitor", 2.0, Msg.of("step.monitor.created", 6000, "systemd", "")));
        r.stepStarted("switchover");
        r.log(cmd("postgres$ pg_autoctl perform switchover --formation default"));
        r.nodeEvent("node1", Msg.of("node.event.cut", Msg.of("part.whom.all")), Instant.now());
        r.log(LogLine.of("monitor", LogLine.Level.EVENT, "Setting goal state of node 1 to draining"));
        r.snapshot(JournalRecorderTest.snap(NodeState.SECONDARY, NodeState.PRIMARY));
        r.stepFinished(StepResult.passed("switchover", 3.0, Msg.of("op.switchover.done", "node1", "node2", "1.0", "2.0", "3.0")));
        r.stepStarted("promote node3");
        r.stepFinished(StepResult.failed("promote node3", 0.1, new LabException(Msg.of("op.node.unknown", "node3", "node1, node2"))));
        return j;
    }

    String report(String lang) throws Exception {
        new ReportWriter(journal(), new ReportWriter.Options(lang, true), Secrets.patterns()).write(dir.resolve(lang));
        return Files.readString(dir.resolve(lang).resolve(ReportWriter.MARKDOWN));
    }

    @Test
    void commandsAPersonTypesAreShownAndProbesFolded() throws Exception {
        String md = report("en");
        String monitor = md.substring(md.indexOf("### ", md.indexOf("## 3.")));
        int commands = monitor.indexOf("Commands as typed in a terminal");
        int technical = monitor.indexOf("<summary>Technical details");
        assertTrue(commands >= 0 && technical > commands, monitor);
        String shown = monitor.substring(commands, technical);
        assertTrue(shown.contains("pg_autoctl create monitor") && shown.contains("successfully initialized"), "the command with its output");
        assertFalse(shown.contains("PG_VERSION"), "the probe is not among a person's commands");
        assertTrue(monitor.substring(technical).contains("PG_VERSION"), "the probe is in the technical details");
        String preflight = md.substring(md.indexOf("### 1.2"), md.indexOf("## 3."));
        assertTrue(preflight.contains("getent passwd") && preflight.indexOf("getent") > preflight.indexOf("<summary>"), "probes only: folded");
        assertTrue(preflight.contains("This step ran only the app's own checks"), preflight);
        String switchover = md.substring(md.indexOf("### ", md.indexOf("## 5.")));
        assertTrue(switchover.contains("pg_autoctl perform switchover"), "what a student types for the switchover");
    }

    @Test
    void theRussianReportHasNoEnglishSentence() throws Exception {
        String md = report("ru");
        assertTrue(md.contains("Технические подробности"), "the folded block's title is Russian");
        assertTrue(md.contains("отрезан от сети"), "the node event reads in Russian:\n" + md);
        assertEquals(List.of(), EnglishText.problems(EnglishText.prose(md)));
    }

    @Test
    void theCheckerFailsOnTheEnglishReport() throws Exception {
        assertFalse(EnglishText.problems(EnglishText.prose(report("en"))).isEmpty(), "the same check finds the English report English");
    }
}
