package io.failoverlab.remote;

import java.time.Duration;

/** Exit code and collected output of a finished command. exitCode is -1 when it timed out. */
public record CommandResult(int exitCode, String stdout, String stderr, Duration took, boolean timedOut) {
    public boolean ok() { return exitCode == 0 && !timedOut; }

    /** Last non-blank line of stderr, else of stdout: the usual "why it failed" sentence. */
    public String lastErrorLine() {
        String s = lastLine(stderr);
        return s.isEmpty() ? lastLine(stdout) : s;
    }

    private static String lastLine(String text) {
        if (text == null) return "";
        String[] lines = text.strip().split("\n");
        return lines.length == 0 ? "" : lines[lines.length - 1].strip();
    }
}
