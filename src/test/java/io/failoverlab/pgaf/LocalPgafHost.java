package io.failoverlab.pgaf;

import io.failoverlab.remote.Command;
import io.failoverlab.remote.CommandResult;
import io.failoverlab.remote.LocalShell;
import io.failoverlab.remote.ShellQuote;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Real pg_auto_failover instances for tests, all under one temp folder owned by postgres: PGDATAs,
 * logs, pid files and pg_autoctl's XDG config/data/runtime dirs (so nothing is left in postgres's
 * home). Instances run detached (setsid nohup, pid file); close() stops them and kills only the
 * PIDs this helper recorded, then deletes the folder.
 */
final class LocalPgafHost implements AutoCloseable {
    final LocalShell shell = new LocalShell();
    final Path dir;
    private final String pgctl;
    private final List<String> started = new ArrayList<>();

    LocalPgafHost() throws IOException {
        dir = Files.createTempDirectory("failoverlab-pgaf-");
        shell.check(Command.asRoot("chown postgres: " + q(dir.toString()) + " && chmod 755 " + q(dir.toString())));
        // the packaged pg_ctl, not whatever PATH finds first (this machine may have other symlinks)
        pgctl = shell.check(Command.of("ls -d /usr/lib/postgresql/*/bin/pg_ctl | sort -V | tail -1")).stdout().strip();
        if (pgctl.isEmpty()) throw new IOException("No PostgreSQL server package found under /usr/lib/postgresql.");
    }

    String pgdata(String name) { return dir.resolve(name).toString(); }

    /** Runs pg_autoctl as postgres with a login environment and this host's XDG dirs; fails on non-zero exit. */
    CommandResult pgautoctl(String args, Duration timeout) throws IOException {
        return shell.check(Command.asPostgres(env() + "pg_autoctl " + args).timeout(timeout));
    }

    void createMonitor(String name, int port) throws IOException {
        pgautoctl("create monitor --pgctl " + q(pgctl) + " --pgdata " + q(pgdata(name)) + " --pgport " + port
                + " --hostname 127.0.0.1 --auth trust --ssl-self-signed", Duration.ofMinutes(2));
        // create monitor has no --listen: keep the lab on loopback
        pgautoctl("config set --pgdata " + q(pgdata(name)) + " postgresql.listen_addresses 127.0.0.1", Duration.ofSeconds(30));
    }

    void createNode(String name, int port, String dbname, String monitorUri) throws IOException {
        pgautoctl("create postgres --pgctl " + q(pgctl) + " --pgdata " + q(pgdata(name)) + " --pgport " + port
                + " --listen 127.0.0.1 --hostname 127.0.0.1 --name " + q(name) + " --dbname " + q(dbname)
                + " --monitor " + q(monitorUri) + " --auth trust --ssl-self-signed", Duration.ofMinutes(3));
    }

    /** Starts `pg_autoctl run` detached, its PID in NAME.pid and its output in NAME.log. */
    void run(String name) throws IOException {
        String d = q(pgdata(name));
        shell.check(Command.asPostgres(env() + "setsid nohup pg_autoctl run --pgdata " + d + " > " + d + ".log 2>&1"
                + " < /dev/null & echo $! > " + d + ".pid").timeout(Duration.ofSeconds(30)));
        started.add(name);
    }

    String monitorUri(String monitor) throws IOException {
        return pgautoctl("show uri --formation monitor --pgdata " + q(pgdata(monitor)), Duration.ofSeconds(30)).stdout().strip();
    }

    String log(String name) {
        try {
            return Files.readString(Path.of(pgdata(name) + ".log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Runs SQL as postgres (the instance's superuser) over its Unix socket, found in postmaster.pid. */
    CommandResult psql(String name, String db, String sql) throws IOException {
        String d = q(pgdata(name));
        return shell.check(Command.asPostgres("psql -X -At -h \"$(sed -n 5p " + d + "/postmaster.pid)\" -p \"$(sed -n 4p "
                + d + "/postmaster.pid)\" -d " + q(db) + " -c " + q(sql)).timeout(Duration.ofSeconds(30)));
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        // nodes first, the monitor (started first) last
        for (int i = started.size() - 1; i >= 0; i--) stop(started.get(i));
        try {
            shell.run(Command.asRoot("rm -rf " + q(dir.toString())).timeout(Duration.ofMinutes(1)));
        } catch (IOException ignored) {
            // a leftover temp folder is not worth failing the test run for
        }
    }

    private void stop(String name) {
        try {
            shell.run(Command.asPostgres(env() + "pg_autoctl stop --pgdata " + q(pgdata(name))).timeout(Duration.ofSeconds(60)));
        } catch (IOException ignored) {
            // fall through to killing the recorded PIDs
        }
        for (Optional<ProcessHandle> p : List.of(pid(pgdata(name) + ".pid"), pid(pgdata(name) + "/postmaster.pid"))) {
            p.ifPresent(this::terminate);
        }
    }

    /** SIGTERM after 5 s, SIGKILL after 15 s: only the given process, never by name. */
    private void terminate(ProcessHandle h) {
        // a recycled PID would not name our temp folder on its command line
        if (!h.info().commandLine().map(c -> c.contains(dir.toString())).orElse(false)) return;
        if (!waitGone(h, 5000)) h.destroy();
        if (!waitGone(h, 10000)) h.destroyForcibly();
    }

    private static boolean waitGone(ProcessHandle h, long ms) {
        long deadline = System.nanoTime() + ms * 1_000_000;
        while (h.isAlive() && System.nanoTime() < deadline) sleep(100);
        return !h.isAlive();
    }

    /** The first line of a pid file (ours, or postmaster.pid of a Postgres we started), if that process is alive. */
    private static Optional<ProcessHandle> pid(String file) {
        try {
            List<String> lines = Files.readAllLines(Path.of(file));
            return lines.isEmpty() ? Optional.empty() : ProcessHandle.of(Long.parseLong(lines.get(0).strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private String env() {
        String x = dir.resolve("xdg").toString();
        return "export XDG_CONFIG_HOME=" + q(x + "/config") + " XDG_DATA_HOME=" + q(x + "/data")
                + " XDG_RUNTIME_DIR=" + q(x + "/run") + "; cd " + q(dir.toString()) + " || exit 1\n";
    }

    private static String q(String s) { return ShellQuote.quote(s); }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
