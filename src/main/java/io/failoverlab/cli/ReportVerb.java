package io.failoverlab.cli;

import io.failoverlab.lab.LabException;
import io.failoverlab.lab.LabSpec;
import io.failoverlab.report.Journal;
import io.failoverlab.report.ReportWriter;
import io.failoverlab.report.Secrets;

import java.io.PrintStream;
import java.nio.file.Path;

/** `report --out DIR [--lang en|ru] [--lab FILE] [--journal DIR] [--redact]`: the lab report from its journal. */
final class ReportVerb {
    private final PrintStream out;
    private final PrintStream err;

    ReportVerb(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(LabSpec lab, CliArgs args) throws Exception {
        String dir = args.option("--out", null);
        if (dir == null) throw new LabException("report needs --out DIR: the folder to write report.md and report.html to.");
        String lang = args.option("--lang", "en");
        if (!lang.equals("en") && !lang.equals("ru")) throw new LabException("--lang is en or ru, not '" + lang + "'.");
        Journal journal = new Journal(Cli.paths(args).journalFor(lab));
        if (!journal.exists()) {
            throw new LabException("Lab '" + lab.name + "' has no journal yet (" + journal.file() + "): run up or scenario seed first.");
        }
        // the timeline is drawn off-screen: no display is needed, and none is touched
        System.setProperty("java.awt.headless", "true");
        ReportWriter.Result r = new ReportWriter(journal, new ReportWriter.Options(lang, args.flag("--redact")),
                Secrets.fromEnvironment(System.getenv())).write(Path.of(dir));
        out.println("Report written: " + r.markdown() + " and " + r.html() + " (" + r.images().size() + " images).");
        out.println("Checkpoints passed: " + r.passed() + " of " + r.checkpoints() + ".");
        if (journal.readConclusion() == null) {
            out.println("The conclusion is a draft: write your own in " + journal.conclusion() + " and run report again.");
        }
        return 0;
    }
}
