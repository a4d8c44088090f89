package io.failoverlab.check;

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
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Real PostgreSQL servers for the tests: a primary and streaming standbys on free loopback ports
 * in a temp folder owned by postgres (the server refuses to run as root). Closing stops only the
 * servers started here: pg_ctl by data folder, then their own postmaster PIDs if still alive.
 */
final class LocalPgServers implements AutoCloseable {
    static final String BIN = System.getProperty("pg.bindir", "/usr/lib/postgresql/15/bin");

    private final LocalShell shell = new LocalShell();
    private final Path root;
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final List<Long> pids = new ArrayList<>();

    LocalPgServers() throws IOException {
        root = Files.createTempDirectory("failover-lab-check-");
        sh("true"); // fail early if runuser is missing
        run(Command.asRoot("chown postgres: " + q(root.toString())));
    }

    /** initdb with trust auth and start it as the primary. */
    PgNode startPrimary(String name) throws IOException {
        String dir = dir(name);
        sh(BIN + "/initdb -D " + q(dir) + " -A trust -U postgres -E UTF8 --locale=C --no-sync >/dev/null");
        return start(name);
    }

    /** pg_basebackup -R of the primary, started as a streaming standby. */
    PgNode startStandby(String name, PgNode primary) throws IOException {
        String dir = dir(name);
        sh(BIN + "/pg_basebackup -h 127.0.0.1 -p " + primary.port() + " -U postgres -D " + q(dir)
                + " -R --checkpoint=fast && chmod 700 " + q(dir));
        return start(name);
    }

    PgNode start(String name) throws IOException {
        int port = ports.computeIfAbsent(name, n -> freePort());
        String dir = dir(name);
        sh(BIN + "/pg_ctl -D " + q(dir) + " -l " + q(root + "/" + name + ".log") + " -w -t 60 -o "
                + q("-p " + port + " -k " + root + " -c listen_addresses=127.0.0.1") + " start >/dev/null");
        rememberPid(dir);
        return new PgNode(name, "127.0.0.1", port);
    }

    void stop(String name, String mode) throws IOException {
        sh(BIN + "/pg_ctl -D " + q(dir(name)) + " -m " + mode + " -w -t 60 stop");
    }

    void promote(String name) throws IOException {
        sh(BIN + "/pg_ctl -D " + q(dir(name)) + " -w -t 60 promote");
    }

    String log(String name) {
        try {
            return Files.readString(Path.of(root + "/" + name + ".log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        for (String name : ports.keySet()) {
            try {
                if (Files.exists(Path.of(dir(name), "postmaster.pid"))) {
                    shell.run(Command.asPostgres(BIN + "/pg_ctl -D " + q(dir(name)) + " -m immediate -w -t 30 stop")
                            .timeout(Duration.ofSeconds(40)));
                }
            } catch (IOException ignored) {
                // the PID fallback below still runs
            }
        }
        for (long pid : pids) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
        try (Stream<Path> s = Files.walk(root)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp folder left behind is harmless
        }
    }

    private void rememberPid(String dir) throws IOException {
        String first = Files.readAllLines(Path.of(dir, "postmaster.pid")).get(0).strip();
        pids.add(Long.parseLong(first));
    }

    private String dir(String name) {
        return root.resolve(name).toString();
    }

    private void sh(String script) throws IOException {
        run(Command.asPostgres(script).timeout(Duration.ofMinutes(2)));
    }

    private void run(Command c) throws IOException {
        CommandResult r = shell.run(c);
        if (!r.ok()) throw new IOException("Failed (" + r.exitCode() + "): " + c.display() + "\n" + r.stdout() + r.stderr());
    }

    private static String q(String s) {
        return ShellQuote.quote(s);
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
