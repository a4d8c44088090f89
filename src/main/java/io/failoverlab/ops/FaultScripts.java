package io.failoverlab.ops;

import io.failoverlab.pgaf.InstancePaths;

import static io.failoverlab.remote.ShellQuote.quote;

/** Shell snippets that inject faults into one instance, run as postgres on its host. */
final class FaultScripts {
    private FaultScripts() { }

    /** SIGKILL of the postmaster only; prints its pid. The keeper's supervisor will restart it. */
    static String killPostmaster(InstancePaths p) {
        return "pid=$(head -1 " + quote(p.pgdata() + "/postmaster.pid") + " 2>/dev/null)\n"
                + "[ -n \"$pid\" ] && kill -0 \"$pid\" 2>/dev/null || { echo 'postgres is not running' >&2; exit 3; }\n"
                + "kill -9 \"$pid\" && echo \"$pid\"\n";
    }

    /** Prints the postmaster's pid when one is running, else nothing. */
    static String postmasterPid(InstancePaths p) {
        return "pid=$(head -1 " + quote(p.pgdata() + "/postmaster.pid") + " 2>/dev/null); "
                + "[ -n \"$pid\" ] && kill -0 \"$pid\" 2>/dev/null && echo \"$pid\" || true";
    }

    /**
     * A node crash: SIGKILL of the whole `pg_autoctl run` process group (keeper, supervisor and
     * Postgres), then of a postmaster that survived in another group.
     */
    static String killNodeDetached(InstancePaths p) {
        return "pid=$(cat " + quote(p.pidFile()) + " 2>/dev/null)\n"
                + "pm=$(head -1 " + quote(p.pgdata() + "/postmaster.pid") + " 2>/dev/null)\n"
                + "[ -n \"$pid\" ] && kill -9 -- -\"$pid\" 2>/dev/null\n"
                + "[ -n \"$pm\" ] && kill -9 \"$pm\" 2>/dev/null\n"
                + "echo \"killed pg_autoctl group ${pid:-none}, postmaster ${pm:-none}\"\n";
    }
}
