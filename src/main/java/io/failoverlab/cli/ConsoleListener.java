package io.failoverlab.cli;

import io.failoverlab.engine.EngineListener;
import io.failoverlab.lab.LogLine;
import io.failoverlab.lab.Msg;
import io.failoverlab.lab.StepResult;

import java.io.PrintStream;
import java.util.Locale;

/** Prints steps as they start and end; with --verbose also every command and its output. */
final class ConsoleListener implements EngineListener {
    private final PrintStream out;
    private final boolean verbose;
    /** --lang: results that carry their message as data are printed in it (null or en: as the engine said it). */
    private final Locale language;
    private volatile String lastProgress = "";

    ConsoleListener(PrintStream out, boolean verbose, String lang) {
        this.out = out;
        this.verbose = verbose;
        this.language = lang == null || lang.equals("en") ? null : Locale.forLanguageTag(lang);
    }

    @Override
    public void log(LogLine line) {
        // monitor events stream by default: they are what an operation makes happen
        if (verbose || line.level() == LogLine.Level.EVENT
                || line.level() == LogLine.Level.INFO && line.text().contains("CHECKPOINT")) {
            out.println("  [" + line.source() + "] " + line.text());
        }
    }

    @Override
    public void stepStarted(String step) {
        out.println("… " + step);
    }

    @Override
    public void stepProgress(String step, double fraction, String text) {
        String p = fraction >= 0 ? String.format(Locale.ROOT, "%3.0f%% %s", fraction * 100, text) : text;
        if (!p.equals(lastProgress)) {
            lastProgress = p;
            if (fraction < 0 || Math.round(fraction * 100) % 10 == 0) out.println("    " + p);
        }
    }

    @Override
    public void stepProgress(String step, double fraction, Msg text) {
        stepProgress(step, fraction, render(text));
    }

    @Override
    public void note(Msg text) {
        out.println("  [app] " + render(text));
    }

    private String render(Msg m) { return m.render(language == null ? Locale.ENGLISH : language); }

    /** The app log's outcome lines (--verbose) in --lang's language. */
    @Override
    public void appLog(LogLine.Level level, Msg text) { log(LogLine.of("app", level, render(text))); }

    @Override
    public void stepFinished(StepResult r) {
        String text = language != null && r.msg() != null ? r.msg().render(language) : r.message();
        out.printf(Locale.ROOT, "%s %-10s %6.1f s  %s%n", r.ok() ? "✓" : "✗", r.name(), r.seconds(), text);
    }
}
