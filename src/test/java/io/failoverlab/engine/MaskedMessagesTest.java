package io.failoverlab.engine;

import io.failoverlab.lab.ClusterSnapshot;
import io.failoverlab.lab.LabException;
import io.failoverlab.lab.LabSecretsStore;
import io.failoverlab.lab.LabSpec;
import io.failoverlab.lab.LogLine;
import io.failoverlab.lab.Msg;
import io.failoverlab.lab.StepResult;
import io.failoverlab.remote.LocalShell;
import io.failoverlab.report.Journal;
import io.failoverlab.report.JournalRecorder;
import io.failoverlab.report.ReportWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A lab password quoted in a remote error that travels as a message's argument (a step's failure,
 * a progress line, a note, a node event, an operation's outcome in the log) reaches neither the
 * face's log, nor the journal, nor the report made from it, in either language.
 */
class MaskedMessagesTest {
    @TempDir Path dir;

    /** What a face hears, rendered in both languages as the window and the CLI would. */
    static final class Face implements EngineListener {
        final List<String> seen = new ArrayList<>();
        void add(Msg m) { seen.add(m.render(Locale.ENGLISH)); seen.add(m.render(Locale.forLanguageTag("ru"))); }
        @Override public void log(LogLine l) { seen.add(l.text()); }
        @Override public void stepProgress(String step, double fraction, String text) { seen.add(text); }
        @Override public void stepProgress(String step, double fraction, Msg text) { add(text); }
        @Override public void note(Msg text) { add(text); }
        @Override public void appLog(LogLine.Level level, Msg text) { add(text); }
        @Override public void stepFinished(StepResult r) { seen.add(r.message()); if (r.msg() != null) add(r.msg()); }
        @Override public void nodeEvent(String node, Msg what, Instant at) { add(what); }
    }

    @Test
    void aPasswordInARemoteErrorIsMaskedInTheLogTheJournalAndTheReport() throws IOException {
        LabSpec lab = LabSpec.localDefault();
        lab.name = "masked-msg";
        lab.auth = "scram-sha-256";
        Face face = new Face();
        JournalRecorder journal = JournalRecorder.open(dir.resolve("config"), lab);
        String password;
        try (LabEngine e = new LabEngine(lab, h -> new LocalShell(), CompositeListener.of(face, new JournalListener(journal)))
                .secretsStore(LabSecretsStore.inConfigDir(dir.resolve("config")))) {
            password = e.secrets().autoctlNode;
            String remote = "psql: error: connection to server at \"10.0.0.1\", port 6000 failed: FATAL: password authentication failed"
                    + " for user \"autoctl_node\" (postgres://autoctl_node:" + password + "@10.0.0.1:6000/pg_auto_failover)";
            Msg error = Msg.of("cli.failed", remote);
            EngineListener l = e.listener();
            l.stepStarted("preflight");
            l.stepProgress("preflight", 0.5, Msg.of("step.fail.wait", "node1", error, 30));
            l.note(error);
            l.nodeEvent("node1", error, Instant.now());
            l.appLog(LogLine.Level.ERROR, Msg.of("log.outcome", "preflight", error));
            l.snapshot(ClusterSnapshot.unreachable(remote));
            l.stepFinished(StepResult.failed("preflight", 1.2, new LabException(Msg.of("step.fail.wait", "node1", error, 30))));
        }
        journal.close();

        assertTrue(face.seen.size() >= 10, "the face heard every message: " + face.seen);
        assertEquals(List.of(), face.seen.stream().filter(s -> s.contains(password)).toList(), "the face's log");
        assertTrue(face.seen.stream().anyMatch(s -> s.contains("autoctl_node:********@")), "masked, not dropped: " + face.seen);

        Path journalDir = Journal.dirFor(dir.resolve("config"), lab.name);
        assertEquals(List.of(), filesContaining(journalDir, password), "the journal");
        assertTrue(!filesContaining(journalDir, "********").isEmpty(), "the journal kept the masked error");

        for (String lang : List.of("en", "ru")) {
            Path out = dir.resolve("report-" + lang);
            new ReportWriter(new Journal(journalDir), new ReportWriter.Options(lang, false), null).write(out);
            assertEquals(List.of(), filesContaining(out, password), "the " + lang + " report");
        }
    }

    static List<Path> filesContaining(Path root, String text) throws IOException {
        List<Path> hits = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                if (new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1).contains(text)) hits.add(p);
            }
        }
        return hits;
    }
}
