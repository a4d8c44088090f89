package io.failoverlab.ui.log;

import io.failoverlab.lab.LogLine;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How a log line reads in the viewer, the clipboard and a saved file: time, source, level, text. */
public final class LogFormat {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

    private LogFormat() { }

    public static String line(LogLine l) {
        return TIME.format(l.at()) + "  " + pad(l.source(), 8) + " " + pad(l.level().name().toLowerCase(java.util.Locale.ROOT), 7) + " " + l.text();
    }

    /** A level's look in the log list (the cell's pseudo-class): log-command, log-output, log-error… */
    public static String styleClass(LogLine.Level level) {
        return "log-" + level.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static String pad(String s, int w) {
        if (s == null) s = "";
        return s.length() >= w ? s : s + " ".repeat(w - s.length());
    }
}
