package io.failoverlab.remote;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Turns a script and a RunAs into one shell command line. The script travels base64-encoded so
 * that no quoting survives three shells (ssh, sudo/runuser, bash), and stdin is /dev/null so an
 * apt or psql inside never waits for input.
 */
public final class Privilege {
    private Privilege() { }

    public static String wrap(String script, RunAs runAs, boolean loginIsRoot) {
        String b64 = Base64.getEncoder().encodeToString(script.getBytes(StandardCharsets.UTF_8));
        String inner = "eval \"$(echo " + b64 + " | base64 -d)\"";
        String quoted = "'" + inner + "'";
        switch (runAs) {
            case ROOT:
                return (loginIsRoot ? "bash -c " : "sudo -n -H bash -c ") + quoted + " </dev/null";
            case POSTGRES:
                // pg_autoctl needs a login environment: plain `su postgres` keeps root's XDG dirs.
                return (loginIsRoot ? "runuser -l postgres -c " : "sudo -n -iu postgres bash -c ") + quoted + " </dev/null";
            default:
                return "bash -c " + quoted + " </dev/null";
        }
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
