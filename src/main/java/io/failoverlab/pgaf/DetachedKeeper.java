package io.failoverlab.pgaf;

import io.failoverlab.remote.Command;
import io.failoverlab.remote.CommandResult;
import io.failoverlab.remote.Shell;

import java.io.IOException;
import java.time.Duration;

import static io.failoverlab.remote.ShellQuote.quote;

/**
 * `pg_autoctl run` as its own session leader (setsid), its PID in a pid file: stopping uses
 * `pg_autoctl stop`, then SIGKILL of exactly that process group if it did not go.
 */
public final class DetachedKeeper implements KeeperControl {

    /** Shell snippet: succeeds when the pid file names a live pg_autoctl for this PGDATA. */
    static String aliveTest(InstancePaths p) {
        return "pid=$(cat " + quote(p.pidFile()) + " 2>/dev/null || true); "
                + "[ -n \"$pid\" ] && kill -0 \"$pid\" 2>/dev/null && tr '\\0' ' ' < /proc/$pid/cmdline | grep -qF -- "
                + quote(p.pgdata());
    }

    @Override
    public void start(Shell shell, InstancePaths p, String unitName) throws IOException {
        String script = "if " + aliveTest(p) + "; then echo \"pg_autoctl already running (pid $pid)\"; exit 0; fi\n"
                + "cd ~\n"
                + "setsid nohup pg_autoctl run --pgdata " + quote(p.pgdata()) + " >> " + quote(p.logFile())
                + " 2>&1 < /dev/null &\n"
                + "echo $! > " + quote(p.pidFile()) + "\n"
                + "echo \"started pg_autoctl run (pid $!)\"\n";
        shell.check(Command.asPostgres(script).timeout(Duration.ofSeconds(30)));
    }

    @Override
    public void stop(Shell shell, InstancePaths p, String unitName) throws IOException {
        String script = "pid=$(cat " + quote(p.pidFile()) + " 2>/dev/null || true)\n"
                + "pg_autoctl stop --pgdata " + quote(p.pgdata()) + " 2>&1 || true\n"
                + "if [ -n \"$pid\" ]; then\n"
                + "  for i in $(seq 1 150); do kill -0 \"$pid\" 2>/dev/null || break; sleep 0.2; done\n"
                + "  if kill -0 \"$pid\" 2>/dev/null; then echo \"pg_autoctl (pid $pid) ignored stop: killing its process group\"; kill -9 -- -\"$pid\" 2>/dev/null || kill -9 \"$pid\"; fi\n"
                + "fi\n"
                + "rm -f " + quote(p.pidFile()) + "\n";
        shell.check(Command.asPostgres(script).timeout(Duration.ofSeconds(60)));
    }

    @Override
    public boolean isRunning(Shell shell, InstancePaths p, String unitName) throws IOException {
        CommandResult r = shell.run(Command.asPostgres(aliveTest(p)).probe().timeout(Duration.ofSeconds(20)));
        return r.ok();
    }

    @Override
    public String kind() { return "detached"; }
}
