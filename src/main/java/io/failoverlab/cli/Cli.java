package io.failoverlab.cli;

import java.io.PrintStream;

/** Headless verbs over the same engine as the window. */
public final class Cli {
    private Cli() { }

    public static boolean isHeadless(String[] args) {
        return args.length > 0 && !args[0].startsWith("--") || java.util.Arrays.asList(args).contains("--help");
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        err.println("not yet");
        return 2;
    }
}
