package io.failoverlab.engine;

import io.failoverlab.testing.ClusterTest;
import io.failoverlab.lab.ClusterSnapshot;
import io.failoverlab.lab.HostSpec;
import io.failoverlab.lab.InstanceSpec;
import io.failoverlab.lab.LabProfiles;
import io.failoverlab.lab.LabSecrets;
import io.failoverlab.lab.LabSecretsStore;
import io.failoverlab.lab.LabSpec;
import io.failoverlab.lab.LogLine;
import io.failoverlab.lab.NodeStatus;
import io.failoverlab.lab.StepResult;
import io.failoverlab.ops.DataCheckOp;
import io.failoverlab.ops.OperationResult;
import io.failoverlab.ops.Switchover;
import io.failoverlab.pgaf.MonitorUris;
import io.failoverlab.remote.Command;
import io.failoverlab.remote.CommandResult;
import io.failoverlab.testing.NetNamespaces;
import io.failoverlab.testing.Sshd;
import io.failoverlab.testing.TestLabs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real multi-host lab: monitor, node1 and node2 each in a network namespace of its own with its
 * own OpenSSH server (so pg_autoctl and postgres, started over that sshd, run inside it), joined
 * by a bridge in 10.231.X.0/24. The roles span hosts, so the lab authenticates with scram-sha-256
 * and generated passwords: autoctl_node on the monitor, pgautofailover_replicator for the
 * standby's base backup and streaming. Checks the passwords are really required, never logged,
 * kept out of the profile, and that status (SSH tunnel to the monitor), switchover, the data
 * check (SSH tunnels to the nodes) and down work.
 */
@ClusterTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MultiHostClusterTest {
    NetNamespaces net;
    final Map<String, Sshd> sshds = new LinkedHashMap<>();
    LabSpec lab;
    Path root;
    Path knownHosts;
    LabSecretsStore store;
    final List<LogLine> log = Collections.synchronizedList(new ArrayList<>());
    final EngineListener capture = new EngineListener() {
        @Override
        public void log(LogLine line) { log.add(line); }

        @Override
        public void stepFinished(StepResult r) { log.add(LogLine.of("step", LogLine.Level.INFO, r.name() + " " + r.message())); }

        @Override
        public void stepProgress(String step, double fraction, String text) {
            if (text != null) log.add(LogLine.of("progress", LogLine.Level.INFO, text));
        }
    };

    @BeforeAll
    void setUp() throws Exception {
        root = TestLabs.tempRoot("failoverlab-mh-");
        knownHosts = root.resolve("known_hosts");
        store = new LabSecretsStore(root.resolve("config/secrets"));
        try {
            net = NetNamespaces.create("monitor", "node1", "node2");
            lab = LabSpec.local(root.resolve("lab").toString(), TestLabs.freePort(), TestLabs.freePort(), TestLabs.freePort());
            lab.name = "multi-host-it";
            lab.hosts.clear();
            for (String role : List.of("monitor", "node1", "node2")) {
                Sshd s = Sshd.startIn(net.namespace(role), net.address(role));
                sshds.put(role, s);
                lab.hosts.add(HostSpec.ssh(role, s.host(), s.port(), s.user(), s.clientKey().toString()));
            }
            lab.monitor.host = "monitor";
            lab.nodes.get(0).host = "node1";
            lab.nodes.get(1).host = "node2";
        } catch (Exception e) {
            tearDown();
            throw e;
        }
    }

    LabEngine engine() {
        return new LabEngine(lab, Shells.factory(knownHosts, (h, t, fp) -> { }), capture).secretsStore(store);
    }

    @AfterAll
    void tearDown() {
        try {
            if (lab != null && !sshds.isEmpty()) {
                try (LabEngine e = engine()) {
                    e.down(true);
                } catch (RuntimeException ignored) {
                    // the namespaces go below, with whatever still runs in them
                }
            }
        } finally {
            sshds.values().forEach(Sshd::close);
            if (net != null) net.close();
            TestLabs.deleteTree(root);
        }
    }

    @Test
    @Order(1)
    void upAcrossNamespacesUsesScramWithGeneratedPasswords() throws Exception {
        assertEquals("scram-sha-256", lab.effectiveAuth(), "three hosts: scram-sha-256");
        long t0 = System.nanoTime();
        LabSecrets secrets;
        try (LabEngine engine = engine()) {
            List<StepResult> steps = engine.up();
            assertTrue(steps.stream().allMatch(StepResult::ok), () -> "steps: " + steps + "\n" + tail());
            double wall = (System.nanoTime() - t0) / 1e9;
            System.out.printf("BENCH up across 3 network namespaces (scram-sha-256) to primary/secondary: %.1f s (steps %.1f s)%n",
                    wall, steps.stream().mapToDouble(StepResult::seconds).sum());
            secrets = engine.secrets();
            assertTrue(steps.stream().anyMatch(s -> s.message().contains("autoctl_node password set")), steps.toString());

            // status through the SSH tunnel to the monitor's loopback
            ClusterSnapshot s = engine.status();
            assertTrue(s.converged(), s.summary());
            assertEquals(2, s.nodes().size());
            // the nodes registered with the monitor's LAN address, i.e. across the bridge
            for (NodeStatus n : s.nodes()) assertTrue(n.host().startsWith("10.231."), n.toString());

            // the passwords are really needed: node1 → monitor as autoctl_node
            String monitorAddr = net.address("monitor");
            String conn = "host=" + monitorAddr + " port=" + lab.monitor.port + " dbname=pg_auto_failover user=autoctl_node sslmode=require";
            CommandResult without = engine.shells().host("node1").run(Command.asPostgres(
                    "PGPASSFILE=/dev/null PGCONNECT_TIMEOUT=5 psql -X -At -w " + io.failoverlab.remote.ShellQuote.quote(conn) + " -c 'select 1'")
                    .timeout(Duration.ofSeconds(30)));
            assertFalse(without.ok(), "autoctl_node must not get in without its password: " + without.stdout());
            assertTrue(without.stderr().contains("password"), without.stderr());
            CommandResult with = engine.shells().host("node1").run(Command.asPostgres(
                    "PGPASSWORD=" + secrets.autoctlNode + " PGCONNECT_TIMEOUT=5 psql -X -At -w " + io.failoverlab.remote.ShellQuote.quote(conn) + " -c 'select 1'")
                    .masking(secrets.autoctlNode).timeout(Duration.ofSeconds(30)));
            assertTrue(with.ok(), with.stderr());

            // the standby streams from the primary with pgautofailover_replicator's password
            String primary = s.nodes().stream().filter(n -> n.reportedState().writable()).findFirst().orElseThrow().name();
            InstanceSpec standby = lab.nodes.stream().filter(n -> !n.name.equals(primary)).findFirst().orElseThrow();
            CommandResult wal = engine.shells().of(standby).check(Command.asPostgres(InstanceScripts.psql(standby.port, "postgres",
                    "select status || ' ' || sender_host from pg_stat_wal_receiver")).timeout(Duration.ofSeconds(30)));
            assertTrue(wal.stdout().startsWith("streaming 10.231."), wal.stdout());
            InstanceSpec primaryInst = lab.node(primary).orElseThrow();
            CommandResult hba = engine.shells().of(primaryInst).check(Command.asPostgres("grep -v '^#' "
                    + io.failoverlab.remote.ShellQuote.quote(engine.paths(primaryInst).pgdata() + "/pg_hba.conf") + " | grep pgautofailover_replicator")
                    .timeout(Duration.ofSeconds(30)));
            assertTrue(hba.stdout().contains("scram-sha-256") && !hba.stdout().contains("trust"), hba.stdout());
        }

        // kept out of the profile, in a 600 file of its own
        String profile = new String(LabProfiles.JSON.writeValueAsBytes(lab));
        for (String v : secrets.values()) assertFalse(profile.contains(v), "a password is in the lab profile");
        Path f = store.file(lab);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
        assertNoPasswordLogged(secrets);
    }

    @Test
    @Order(2)
    void secondUpReusesTheStoredPasswordsAndChangesNothing() throws Exception {
        Path f = store.file(lab);
        String before = Files.readString(f);
        try (LabEngine engine = engine()) {
            List<StepResult> steps = engine.up();
            assertTrue(steps.stream().allMatch(StepResult::ok), () -> "steps: " + steps + "\n" + tail());
            assertTrue(steps.stream().filter(s -> s.name().equals("monitor")).allMatch(s -> s.message().contains("already created")
                    && s.message().contains("password already set")), steps.toString());
            assertTrue(steps.stream().filter(s -> s.name().startsWith("node")).allMatch(s -> s.message().contains("already created")
                    && s.message().contains("replication.password already set")), steps.toString());
            assertFalse(steps.stream().anyMatch(s -> s.message().contains("password set")
                    && !s.message().contains("already")), steps.toString());
        }
        assertEquals(before, Files.readString(f), "the stored passwords are reused");
        assertNoPasswordLogged(store.load(lab).orElseThrow());
    }

    @Test
    @Order(3)
    void switchoverAndDataCheckAcrossHosts() throws Exception {
        try (LabEngine engine = engine()) {
            String oldPrimary = engine.status().stablePrimary().orElseThrow().name();
            OperationResult r;
            try {
                r = new Switchover(engine).run();
            } catch (Exception e) {
                throw new AssertionError(e.getMessage() + "\n" + keeperLogs(engine), e);
            }
            assertTrue(r.ok(), r.message());
            String newPrimary = engine.status().stablePrimary().orElseThrow().name();
            assertNotEquals(oldPrimary, newPrimary);
            System.out.printf("BENCH switchover across namespaces: %.1f s to primary%n", r.figures().get("switchoverSeconds"));

            // the app's own clients reach the nodes through SSH tunnels to their loopback
            DataCheckOp dc = new DataCheckOp(engine, 10_000, true, 10);
            OperationResult d = dc.run();
            assertTrue(d.ok(), d.message());
            assertTrue(dc.result().allConsistent(), d.message());
        }
        assertNoPasswordLogged(store.load(lab).orElseThrow());
    }

    @Test
    @Order(4)
    void downCleansUp() throws Exception {
        try (LabEngine engine = engine()) {
            List<StepResult> steps = engine.down(true);
            assertTrue(steps.stream().allMatch(StepResult::ok), steps.toString());
            // this lab's lines left ~postgres/.pgpass (the namespaces share one file system)
            CommandResult pgpass = engine.shells().host("node1").run(Command.asPostgres(
                    "cat ~/.pgpass 2>/dev/null | grep -cF " + io.failoverlab.remote.ShellQuote.quote(PassFile.prefixes(lab).get(0)) + " || true")
                    .timeout(Duration.ofSeconds(30)));
            assertEquals("0", pgpass.stdout().strip(), "~postgres/.pgpass still has this lab's lines");
        }
        for (String role : List.of("monitor", "node1", "node2")) {
            String left = net.exec(role, "sh", "-c", "ps -o pid=,comm= -p \"$(ip netns pids " + net.namespace(role)
                    + " | tr '\\n' ',' | sed 's/,$//')\" || true");
            assertFalse(left.contains("postgres") || left.contains("pg_autoctl"), role + " still runs: " + left);
        }
        assertFalse(Files.exists(Path.of(lab.dataDir)), () -> "the data folder is gone: " + listing(Path.of(lab.dataDir)));
    }

    private void assertNoPasswordLogged(LabSecrets secrets) {
        List<LogLine> copy;
        synchronized (log) {
            copy = new ArrayList<>(log);
        }
        assertFalse(copy.isEmpty());
        for (String v : secrets.values()) {
            Optional<LogLine> leak = copy.stream().filter(l -> l.text() != null
                    && (l.text().contains(v) || l.text().contains(MonitorUris.encode(v)))).findFirst();
            assertTrue(leak.isEmpty(), () -> "a password was logged: " + leak.get().source() + " " + leak.get().level());
        }
        assertTrue(copy.stream().anyMatch(l -> l.text() != null && l.text().contains(Command.MASK)), "masked commands were logged");
    }

    private String keeperLogs(LabEngine engine) {
        StringBuilder sb = new StringBuilder();
        for (InstanceSpec i : lab.instances()) {
            try {
                sb.append("== ").append(i.name).append('\n').append(engine.shells().of(i).run(Command.asPostgres(
                        "tail -n 40 " + io.failoverlab.remote.ShellQuote.quote(engine.paths(i).logFile())
                        + "; tail -n 15 " + io.failoverlab.remote.ShellQuote.quote(engine.paths(i).pgdata()) + "/log/*.log")
                        .timeout(Duration.ofSeconds(30))).stdout());
            } catch (Exception e) {
                sb.append(e).append('\n');
            }
        }
        return sb.toString();
    }

    private static String listing(Path dir) {
        try (var w = Files.walk(dir)) {
            return w.limit(50).map(Path::toString).reduce("", (a, b) -> a + "\n" + b);
        } catch (Exception e) {
            return e.toString();
        }
    }

    private String tail() {
        List<LogLine> copy;
        synchronized (log) {
            copy = new ArrayList<>(log);
        }
        StringBuilder sb = new StringBuilder();
        for (LogLine l : copy.subList(Math.max(0, copy.size() - 60), copy.size())) {
            sb.append(l.source()).append(' ').append(l.level()).append(' ').append(l.text()).append('\n');
        }
        return sb.toString();
    }
}
