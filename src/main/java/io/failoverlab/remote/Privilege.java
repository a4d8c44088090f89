package io.failoverlab.remote;

import java.nio.charset.StandardCharsets;

/**
 * Turns a RunAs into one shell command line that reads its script from standard input: the script
 * (which may carry a password) never appears in any process's arguments, where other users of the
 * host could read it (docs/architecture.md, "Secrets"). The script then runs with stdin /dev/null,
 * so an apt or psql inside never waits for input.
 */
public final class Privilege {
    /**
     * Reads the whole script from stdin (kept as fd 3), then runs it with stdin /dev/null and fd 3
     * closed. No shell variable appears: `sudo -i` (1.9.14+) leaves `$` unescaped for the login
     * shell, which would expand a `$s` to nothing before the inner bash sees it.
     */
    private static final String FROM_STDIN = "'exec 3<&0 </dev/null; eval \"$(cat <&3)\" 3<&-'";

    private Privilege() { }

    /** The command line; the caller sends {@link #stdin(String)} to its standard input and closes it. */
    public static String wrap(RunAs runAs, boolean loginIsRoot) {
        switch (runAs) {
            case ROOT:
                return (loginIsRoot ? "bash -c " : "sudo -n -H bash -c ") + FROM_STDIN;
            case POSTGRES:
                // pg_autoctl needs a login environment: plain `su postgres` keeps root's XDG dirs.
                return (loginIsRoot ? "runuser -l postgres -c " : "sudo -n -iu postgres bash -c ") + FROM_STDIN;
            default:
                return "bash -c " + FROM_STDIN;
        }
    }

    public static byte[] stdin(String script) {
        return script.getBytes(StandardCharsets.UTF_8);
    }

    /** True when stderr says sudo needs a password or the user may not use it. */
    public static boolean isSudoRefusal(String stderr) {
        return stderr != null && (stderr.contains("sudo: a password is required")
                || stderr.contains("is not in the sudoers file")
                || stderr.contains("may not run sudo")
                || stderr.contains("sudo: command not found")
                || stderr.contains("sudo: not found"));
    }
}
