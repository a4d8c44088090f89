package io.failoverlab.remote;

import java.io.IOException;

/** A command that exited non-zero or timed out; the message names the host and the reason. */
public class RemoteCommandException extends IOException {
    private final transient CommandResult result;

    public RemoteCommandException(String where, Command command, CommandResult result) {
        super(message(where, command, result));
        this.result = result;
    }

    public CommandResult result() { return result; }

    private static String message(String where, Command command, CommandResult r) {
        String first = command.display().strip().split("\n")[0];
        if (first.length() > 120) first = first.substring(0, 117) + "...";
        if (r.timedOut()) {
            return "On " + where + ", '" + first + "' did not finish within " + command.timeout().toSeconds() + " s.";
        }
        String why = r.lastErrorLine();
        return "On " + where + ", '" + first + "' failed (exit " + r.exitCode() + ")"
                + (why.isEmpty() ? "." : ": " + why);
    }
}
