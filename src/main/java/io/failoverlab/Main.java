package io.failoverlab;

import io.failoverlab.cli.Cli;

/**
 * Entry point of the jar: no verb opens the window, a verb runs headless. Kept free of
 * javafx.* so a headless verb never loads the toolkit.
 */
public final class Main {
    private Main() { }

    public static void main(String[] args) throws Exception {
        if (Cli.isHeadless(args)) {
            System.exit(Cli.run(args, System.out, System.err));
        }
        // The window lives in the ui package; loaded reflectively so the CLI path never touches JavaFX.
        Class.forName("io.failoverlab.ui.ConsoleApp").getMethod("launchApp", String[].class)
                .invoke(null, (Object) args);
    }
}
