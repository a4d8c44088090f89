package io.failoverlab.cli;

import io.failoverlab.lab.LabException;
import io.failoverlab.lab.LabSpec;
import io.failoverlab.lab.Msg;
import io.failoverlab.report.Journal;
import io.failoverlab.report.ReportWriter;
import io.failoverlab.report.Secrets;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** `report --out DIR [--run N|all] [--lang en|ru] [--lab FILE] [--journal DIR] [--redact]`: the lab report from its journal (by default its last run). */
@Command(name = "report")
final class ReportVerb extends Verb {
    @Option(names = "--out", paramLabel = "DIR", descriptionKey = "report.out") String dir;
    @Option(names = "--redact", descriptionKey = "report.redact") boolean redact;
    @Option(names = "--run", paramLabel = "N|all", descriptionKey = "report.run") String run;

    @Override
    int run(LabSpec lab) throws Exception {
        if (dir == null) throw new LabException(Msg.of("cli.report.noOut"));
        String lang = common().lang() == null ? "en" : common().lang();
        if (!lang.equals("en") && !lang.equals("ru")) throw new LabException(Msg.of("cli.lang.unknown", lang));
        if (run != null && !run.equals("all") && !run.equals("last") && !run.matches("\\d{1,6}")) {
            throw new LabException(Msg.of("cli.report.badRun", run));
        }
        Journal journal = new Journal(common().paths().journalFor(lab));
        if (!journal.exists()) {
            throw new LabException(Msg.of("cli.report.noJournal", lab.name, journal.file()));
        }
        // the timeline is drawn off-screen: no display is needed, and none is touched
        System.setProperty("java.awt.headless", "true");
        ReportWriter.Result r;
        try {
            r = new ReportWriter(journal, new ReportWriter.Options(lang, redact, run), Secrets.fromEnvironment(System.getenv())).write(Path.of(dir));
        } catch (ReportWriter.NoSuchRun e) {
            throw new LabException(Msg.of("cli.report.noSuchRun", run, e.runs()));
        } catch (IOException e) {
            throw new LabException(Msg.of("cli.report.cannotWrite", dir, why(e)));
        }
        out().println(say(Msg.of("cli.report.written", r.markdown(), r.html(), r.images().size())));
        out().println(say(Msg.of("cli.report.passed", r.passed(), r.checkpoints())));
        if (journal.readConclusion() == null) out().println(say(Msg.of("cli.report.draft", journal.conclusion())));
        return 0;
    }

    /**
     * What the file system said, as a message, without the path it said it about (the sentence
     * names the folder); a reason the system gave in its own words stays as it was given.
     */
    static Msg why(IOException e) {
        if (e instanceof AccessDeniedException) return Msg.of("cli.report.why.denied");
        if (e instanceof NoSuchFileException) return Msg.of("cli.report.why.noSuchFile");
        if (e instanceof FileSystemException f && f.getReason() != null) return Msg.of("cli.report.why.system", f.getReason());
        return Msg.of("cli.report.why.system", e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
}
