package io.failoverlab.remote;

import java.time.Duration;
import java.util.Objects;

/**
 * A bash script to run on a host, as whom, for how long at most, and who hears its output.
 * {@code display} is what logs and reports show (secrets masked); it defaults to the script.
 * {@code probing} marks the app's own look-around (is the port free, does the user exist…), which
 * the report folds away from the commands a person would type (docs/architecture.md, *Data flow*).
 */
public record Command(String script, RunAs runAs, Duration timeout, OutputListener listener, String display, boolean probing) {

    public Command {
        Objects.requireNonNull(script);
        runAs = runAs == null ? RunAs.LOGIN : runAs;
        timeout = timeout == null ? Duration.ofMinutes(2) : timeout;
        listener = listener == null ? OutputListener.NONE : listener;
        display = display == null ? script : display;
    }

    public Command(String script, RunAs runAs, Duration timeout, OutputListener listener, String display) {
        this(script, runAs, timeout, listener, display, false);
    }

    public static Command of(String script) { return new Command(script, RunAs.LOGIN, null, null, null); }
    public static Command asRoot(String script) { return new Command(script, RunAs.ROOT, null, null, null); }
    public static Command asPostgres(String script) { return new Command(script, RunAs.POSTGRES, null, null, null); }

    public Command timeout(Duration t) { return new Command(script, runAs, t, listener, display, probing); }
    public Command listener(OutputListener l) { return new Command(script, runAs, timeout, l, display, probing); }
    public Command display(String d) { return new Command(script, runAs, timeout, listener, d, probing); }
    /** The same command marked as the app's own probe (see {@code probing}). */
    public Command probe() { return new Command(script, runAs, timeout, listener, display, true); }

    /** The same command with every occurrence of each secret in its display replaced by {@link #MASK}. */
    public Command masking(java.util.Collection<String> secrets) { return display(mask(display, secrets)); }

    public Command masking(String... secrets) { return masking(java.util.List.of(secrets)); }

    public static final String MASK = "********";

    /** text with every non-empty secret replaced by {@link #MASK} (longest first, so none leaks in part). */
    public static String mask(String text, java.util.Collection<String> secrets) {
        if (text == null || secrets == null || secrets.isEmpty()) return text;
        String out = text;
        java.util.List<String> sorted = new java.util.ArrayList<>(secrets);
        sorted.removeIf(x -> x == null || x.isEmpty());
        sorted.sort(java.util.Comparator.comparingInt(String::length).reversed());
        for (String x : sorted) out = out.replace(x, MASK);
        return out;
    }
}
