package io.failoverlab.engine;

import io.failoverlab.lab.HostSpec;
import io.failoverlab.lab.LabProfiles;
import io.failoverlab.lab.LabSecrets;
import io.failoverlab.lab.LabSecretsStore;
import io.failoverlab.lab.LabSpec;
import io.failoverlab.lab.LabStore;
import io.failoverlab.lab.LogLine;
import io.failoverlab.lab.StepResult;
import io.failoverlab.pgaf.MonitorUris;
import io.failoverlab.pgaf.ScramVerifier;
import io.failoverlab.remote.Command;
import io.failoverlab.remote.CommandResult;
import io.failoverlab.remote.LocalShell;
import io.failoverlab.testing.TestLabs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The password plumbing of scram-sha-256 labs, without a cluster. */
class ScramPasswordsTest {
    Path dir;

    @BeforeEach
    void setUp() { dir = TestLabs.tempRoot("failoverlab-scram-"); }

    @AfterEach
    void tearDown() { TestLabs.deleteTree(dir); }

    static LabSpec threeHosts() {
        LabSpec lab = LabSpec.local("/tmp/x", 6000, 6001, 6002);
        lab.name = "Three Hosts";
        lab.hosts.clear();
        lab.hosts.add(HostSpec.ssh("m", "10.1.0.2", 22, "root", "/k"));
        lab.hosts.add(HostSpec.ssh("a", "10.1.0.3", 22, "root", "/k"));
        lab.hosts.add(HostSpec.ssh("b", "10.1.0.4", 22, "root", "/k"));
        lab.monitor.host = "m";
        lab.nodes.get(0).host = "a";
        lab.nodes.get(1).host = "b";
        return lab;
    }

    // --- monitor URI ---

    @Test
    void monitorUriParametersRedactionAndEncoding() {
        assertEquals("p%40ss%3Aw%2Frd%25%3F%20%23%C3%A9", MonitorUris.encode("p@ss:w/rd%? #é"));
        assertEquals("postgres://h:1/db?tcp_user_timeout=10000", MonitorUris.withParameter("postgres://h:1/db", "tcp_user_timeout", "10000"));
        assertEquals("postgres://h:1/db?sslmode=require&tcp_user_timeout=5",
                MonitorUris.withParameter("postgres://h:1/db?tcp_user_timeout=9&sslmode=require", "tcp_user_timeout", "5"));
        assertEquals("postgres://autoctl_node:****@h:1/db", MonitorUris.redact("postgres://autoctl_node:secret@h:1/db"));
        assertEquals("-._~AZaz09", MonitorUris.encode("-._~AZaz09"));
    }

    // --- masking ---

    @Test
    void commandDisplayMasksSecretsButRunsTheRealScript() throws Exception {
        String pw = LabSecrets.password();
        Command c = Command.of("echo start; PGPASSWORD=" + pw + " true; echo " + pw.substring(0, 5)).masking(pw);
        assertFalse(c.display().contains(pw), c.display());
        assertTrue(c.display().contains("PGPASSWORD=" + Command.MASK), c.display());
        assertTrue(c.script().contains(pw), "the script itself still has it");
        // longest first: a secret that contains another is masked whole
        assertEquals("x ******** y", Command.mask("x abcdef y", List.of("abc", "abcdef")));
        assertEquals("nothing", Command.mask("nothing", List.of()));
        try (LocalShell sh = new LocalShell()) {
            assertTrue(sh.run(c.timeout(Duration.ofSeconds(10))).ok());
        }
    }

    @Test
    void noLogLineOfTheEngineCarriesAPassword() throws Exception {
        LabSpec lab = TestLabs.localLab("mask-it");
        lab.auth = "scram-sha-256"; // force passwords on a one-host lab
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        EngineListener capture = new EngineListener() {
            @Override
            public void log(LogLine l) { lines.add(l.text()); }

            @Override
            public void stepFinished(StepResult r) { lines.add(r.message()); }

            @Override
            public void stepProgress(String step, double f, String text) { lines.add(text); }
        };
        LabSecretsStore store = new LabSecretsStore(dir.resolve("secrets"));
        try (LabEngine engine = new LabEngine(lab, Shells.factory(dir.resolve("kh"), (h, t, fp) -> { }), capture).secretsStore(store)) {
            LabSecrets s = engine.secrets();
            // a command whose display is masked, whose output and error echo the password
            CommandResult r = engine.shells().host("local").run(Command.of("echo " + s.autoctlNode + "; echo "
                    + "postgres://autoctl_node:" + MonitorUris.encode(s.autoctlNode) + "@h:1/db >&2; exit 3")
                    .masking(s.values()).timeout(Duration.ofSeconds(10)));
            assertEquals(3, r.exitCode());
            assertTrue(r.stdout().contains(s.autoctlNode), "the caller still gets the real output");
            engine.listener().stepProgress("x", 0.5, "progress with " + s.replicator);
            assertEquals("step failed: " + Command.MASK, engine.mask("step failed: " + s.replicator));
            // an error that quotes the password (as an exception message would) through a step
            List<StepResult> results = new ArrayList<>();
            new ClusterBuilder(engine).run("boom", () -> { throw new IllegalStateException("bad " + s.replicator); }, results);
            assertFalse(results.get(0).message().contains(s.replicator), results.get(0).message());
            List<String> copy;
            synchronized (lines) {
                copy = new ArrayList<>(lines);
            }
            assertTrue(copy.size() >= 5, copy.toString());
            for (String line : copy) {
                for (String v : s.values()) assertFalse(line.contains(v), "leaked in: " + line);
            }
            assertTrue(copy.stream().anyMatch(l -> l.contains(Command.MASK)), copy.toString());
        } finally {
            TestLabs.deleteTree(Path.of(lab.dataDir).getParent());
        }
    }

    // --- secrets file ---

    @Test
    void secretsLiveInA600FileOfTheirOwnNotInTheProfile() throws Exception {
        LabSpec lab = threeHosts();
        assertEquals("scram-sha-256", lab.effectiveAuth());
        Path config = dir.resolve("config");
        LabSecretsStore store = LabSecretsStore.inConfigDir(config);
        LabSecrets s = store.loadOrCreate(lab);
        assertTrue(s.autoctlNode.matches("[A-Za-z0-9]{32}"), s.autoctlNode);
        assertTrue(s.replicator.matches("[A-Za-z0-9]{32}"));
        assertNotEquals(s.autoctlNode, s.replicator);
        assertFalse(s.toString().contains(s.autoctlNode));

        Path f = store.file(lab);
        assertEquals(config.resolve("secrets/three-hosts.json"), f);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f.getParent())));
        try (Stream<Path> files = Files.list(f.getParent())) {
            assertEquals(List.of(f), files.toList(), "no temp file left behind");
        }
        // reused, not regenerated
        LabSecrets again = LabSecretsStore.inConfigDir(config).loadOrCreate(lab);
        assertEquals(s.autoctlNode, again.autoctlNode);
        assertEquals(s.replicator, again.replicator);
        // a rewrite keeps the mode
        store.save(lab, again);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));

        // the profile (as the app saves it) knows nothing of them
        Path profile = LabStore.inConfigDir(config).save(lab);
        String json = Files.readString(profile);
        assertFalse(json.contains(s.autoctlNode) || json.contains(s.replicator), json);
        assertFalse(new String(LabProfiles.JSON.writeValueAsBytes(lab), StandardCharsets.UTF_8).contains(s.replicator));
        assertNotEquals(profile.getParent(), f.getParent());
    }

    @Test
    void trustLabsHaveNoSecrets() {
        LabSpec lab = TestLabs.localLab("trust-it");
        try (LabEngine engine = new LabEngine(lab, Shells.factory(dir.resolve("kh"), (h, t, fp) -> { }), EngineListener.NONE)
                .secretsStore(new LabSecretsStore(dir.resolve("secrets")))) {
            assertEquals("trust", lab.effectiveAuth());
            assertFalse(engine.usesPasswords());
            assertEquals(null, engine.secrets());
            assertFalse(Files.exists(dir.resolve("secrets")));
        } finally {
            TestLabs.deleteTree(Path.of(lab.dataDir).getParent());
        }
    }

    // --- SCRAM verifier ---

    @Test
    void scramVerifierMatchesRfc7677() throws Exception {
        // RFC 7677 section 3: user "user", password "pencil"; the server signature it shows must
        // follow from our ServerKey.
        byte[] salt = Base64.getDecoder().decode("W22ZaJ0SNY7soEsUEjb6gQ==");
        String v = ScramVerifier.create("pencil", salt, 4096);
        assertTrue(ScramVerifier.isVerifier(v), v);
        assertTrue(v.startsWith("SCRAM-SHA-256$4096:W22ZaJ0SNY7soEsUEjb6gQ==$"), v);
        byte[] serverKey = Base64.getDecoder().decode(v.substring(v.lastIndexOf(':') + 1));
        String authMessage = "n=user,r=rOprNGfwEbeRWgbNEkqO,"
                + "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096,"
                + "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0";
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(serverKey, "HmacSHA256"));
        assertEquals("6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=",
                Base64.getEncoder().encodeToString(mac.doFinal(authMessage.getBytes(StandardCharsets.UTF_8))));

        // same salt → same verifier (how up recognises a password already set); fresh salt differs
        String head = v.substring(0, v.indexOf('$', "SCRAM-SHA-256$".length()));
        assertEquals(v, ScramVerifier.sameSalt("pencil", head).orElseThrow());
        assertNotEquals(v, ScramVerifier.sameSalt("pencil2", head).orElseThrow());
        assertNotEquals(ScramVerifier.create("pencil"), ScramVerifier.create("pencil"));
        assertTrue(ScramVerifier.sameSalt("x", "-").isEmpty(), "no password yet");
        assertTrue(ScramVerifier.sameSalt("x", "md5abcdef").isEmpty(), "an md5 password is replaced");
    }

    // --- ~postgres/.pgpass lines and pg_rewind rules ---

    @Test
    void passFileKeepsOtherLinesIsIdempotentAndMode600() throws Exception {
        LabSpec lab = threeHosts();
        Path home = dir.resolve("home");
        Files.createDirectories(home);
        Path f = home.resolve(".pgpass");
        Files.writeString(f, "110.1.0.3:6001:*:pgautofailover_replicator:other-lab\n10.1.0.3:6001:*:pgautofailover_replicator:OLD\n");
        String pw = LabSecrets.password();
        String monitorPw = LabSecrets.password();
        try (LocalShell sh = new LocalShell()) {
            assertEquals("changed", run(sh, home, PassFile.ensureScript(lab, pw, monitorPw)));
            assertEquals(List.of("110.1.0.3:6001:*:pgautofailover_replicator:other-lab",
                    "10.1.0.3:6001:*:pgautofailover_replicator:" + pw,
                    "10.1.0.4:6002:*:pgautofailover_replicator:" + pw,
                    "10.1.0.2:6000:*:autoctl_node:" + monitorPw), Files.readAllLines(f));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
            assertEquals("unchanged", run(sh, home, PassFile.ensureScript(lab, pw, monitorPw)));
            run(sh, home, PassFile.removeScript(lab));
            assertEquals(List.of("110.1.0.3:6001:*:pgautofailover_replicator:other-lab"), Files.readAllLines(f));
            Files.writeString(f, "");
            run(sh, home, PassFile.ensureScript(lab, pw, monitorPw));
            run(sh, home, PassFile.removeScript(lab));
            assertFalse(Files.exists(f), "a file left empty is removed");
            run(sh, home, PassFile.removeScript(lab));
            assertFalse(Files.exists(f), "and not made again");
        }
        assertEquals("fe80\\:\\:1", PassFile.escape("fe80::1"));
    }

    @Test
    void rewindRulesOpenDatabasePostgresToTheOtherNodesOnly() {
        LabSpec lab = threeHosts();
        try (LabEngine engine = new LabEngine(lab, h -> { throw new IllegalStateException("no shell"); }, EngineListener.NONE)
                .secretsStore(new LabSecretsStore(dir.resolve("s")))) {
            List<String> rules = new ClusterBuilder(engine).rewindRules(lab.nodes.get(0));
            assertEquals(1, rules.size(), rules.toString());
            assertTrue(rules.get(0).startsWith("hostssl \"postgres\" \"pgautofailover_replicator\" 10.1.0.4/32 scram-sha-256"), rules.get(0));
        }
    }

    private static String run(LocalShell sh, Path home, String script) throws Exception {
        CommandResult r = sh.run(Command.of("export HOME=" + io.failoverlab.remote.ShellQuote.quote(home.toString()) + "\n" + script)
                .timeout(Duration.ofSeconds(10)));
        assertTrue(r.ok(), r.stderr());
        return r.stdout().strip();
    }
}
