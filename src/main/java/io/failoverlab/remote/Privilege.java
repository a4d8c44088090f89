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

    /**
     * With a password first on stdin: sudo -S reads it (one byte at a time, so no more), and the
     * script starts after a mark line. Had sudo not wanted the password after all (a NOPASSWD rule
     * for this one command), the password line is skipped with the rest before the mark, never run.
     * awk, not a shell variable (see above); -k: sudo reads the password every time, never from a cache.
     */
    private static final String SCRIPT_MARK = "#failover-lab-script";
    private static final String FROM_STDIN_AFTER_MARK =
            "'exec 3<&0 </dev/null; eval \"$(awk \"f;/^" + SCRIPT_MARK + "/{f=1}\" <&3)\" 3<&-'";
    private static final String SUDO_S = "sudo -S -k -p '' ";

    /** Succeeds when sudo needs no password (NOPASSWD, or a still-valid cached one). */
    static final String SUDO_WITHOUT_PASSWORD = "sudo -n true";
    /** Succeeds when the password on stdin opens sudo. */
    static final String SUDO_CHECK_PASSWORD = SUDO_S + "true";

    private Privilege() { }

    /** The command line for runAs (not LOGIN) when sudo wants a password: see {@link #stdinAfterPassword}. */
    public static String wrapWithPassword(RunAs runAs) {
        return switch (runAs) {
            case ROOT -> SUDO_S + "-H bash -c " + FROM_STDIN_AFTER_MARK;
            case POSTGRES -> SUDO_S + "-iu postgres bash -c " + FROM_STDIN_AFTER_MARK;
            default -> throw new IllegalArgumentException("a login command needs no sudo");
        };
    }

    /** Password line, mark line, script: what {@link #wrapWithPassword} reads. The caller wipes it after use. */
    public static byte[] stdinAfterPassword(byte[] password, String script) {
        byte[] rest = ("\n" + SCRIPT_MARK + "\n" + script).getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[password.length + rest.length];
        System.arraycopy(password, 0, all, 0, password.length);
        System.arraycopy(rest, 0, all, password.length, rest.length);
        return all;
    }

    /** The password and a newline, for sudo -S alone. */
    static byte[] passwordLine(byte[] password) {
        byte[] all = java.util.Arrays.copyOf(password, password.length + 1);
        all[password.length] = '\n';
        return all;
    }

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
