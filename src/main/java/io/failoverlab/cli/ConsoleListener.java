package io.failoverlab.cli;

import io.failoverlab.engine.EngineListener;
import io.failoverlab.lab.LogLine;
import io.failoverlab.lab.StepResult;

import java.io.PrintStream;
import java.util.Locale;

/** Prints steps as they start and end; with --verbose also every command and its output. */
final class ConsoleListener implements EngineListener {
    private final PrintStream out;
    private final boolean verbose;
    private volatile String lastProgress = "";

    ConsoleListener(PrintStream out, boolean verbose) {
        this.out = out;
        this.verbose = verbose;
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
    public void stepFinished(StepResult r) {
        out.printf(Locale.ROOT, "%s %-10s %6.1f s  %s%n", r.ok() ? "✓" : "✗", r.name(), r.seconds(), r.message());
    }
}
