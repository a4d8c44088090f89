package io.failoverlab.cli;

import io.failoverlab.lab.LabException;
import io.failoverlab.lab.LabSpec;
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

/** `report --out DIR [--lang en|ru] [--lab FILE] [--journal DIR] [--redact]`: the lab report from its journal. */
@Command(name = "report")
final class ReportVerb extends Verb {
    @Option(names = "--out", paramLabel = "DIR", descriptionKey = "report.out") String dir;
    @Option(names = "--redact", descriptionKey = "report.redact") boolean redact;

    @Override
    int run(LabSpec lab) throws Exception {
        if (dir == null) throw new LabException("report needs --out DIR: the folder to write report.md and report.html to.");
        String lang = common().lang() == null ? "en" : common().lang();
        if (!lang.equals("en") && !lang.equals("ru")) throw new LabException("--lang is en or ru, not '" + lang + "'.");
        Journal journal = new Journal(common().paths().journalFor(lab));
        if (!journal.exists()) {
            throw new LabException("Lab '" + lab.name + "' has no journal yet (" + journal.file() + "): run up or scenario seed first.");
        }
        // the timeline is drawn off-screen: no display is needed, and none is touched
        System.setProperty("java.awt.headless", "true");
        ReportWriter.Result r;
        try {
            r = new ReportWriter(journal, new ReportWriter.Options(lang, redact), Secrets.fromEnvironment(System.getenv())).write(Path.of(dir));
        } catch (IOException e) {
            throw new LabException("Cannot write the report to " + dir + ": " + why(e) + ".");
        }
        out().println("Report written: " + r.markdown() + " and " + r.html() + " (" + r.images().size() + " images).");
        out().println("Checkpoints passed: " + r.passed() + " of " + r.checkpoints() + ".");
        if (journal.readConclusion() == null) {
            out().println("The conclusion is a draft: write your own in " + journal.conclusion() + " and run report again.");
        }
        return 0;
    }

    /** What the file system said, without the path it said it about (the sentence names the folder). */
    static String why(IOException e) {
        if (e instanceof AccessDeniedException) return "permission denied";
        if (e instanceof NoSuchFileException) return "no such file or folder";
        if (e instanceof FileSystemException f && f.getReason() != null) return f.getReason();
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
