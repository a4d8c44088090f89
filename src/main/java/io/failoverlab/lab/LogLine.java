package io.failoverlab.lab;

import java.time.Instant;

/**
 * One line of the lab's log: where it came from (a host id, "monitor" or "app"), how important,
 * and the text. Commands appear as COMMAND lines (secrets masked), the app's own probes (is the
 * port free, does the user exist…) as PROBE lines, their output as OUTPUT.
 */
public record LogLine(Instant at, String source, Level level, String text) {
    public enum Level { COMMAND, PROBE, OUTPUT, INFO, WARN, ERROR, EVENT }

    public static LogLine of(String source, Level level, String text) {
        return new LogLine(Instant.now(), source, level, text);
    }
}
