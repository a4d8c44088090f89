package io.failoverlab.remote;

import java.util.List;
import java.util.stream.Collectors;

/** POSIX shell single-quoting. */
public final class ShellQuote {
    private ShellQuote() { }

    public static String quote(String s) {
        if (s.matches("[A-Za-z0-9_@%+=:,./-]+")) return s;
        return "'" + s.replace("'", "'\"'\"'") + "'";
    }

    public static String join(List<String> argv) {
        return argv.stream().map(ShellQuote::quote).collect(Collectors.joining(" "));
    }
}
