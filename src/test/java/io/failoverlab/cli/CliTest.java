package io.failoverlab.cli;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad input: a clear sentence on stderr, a non-zero exit code, nothing created. */
class CliTest {
    record Run(int code, String out, String err) { }

    static Run cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static void assertOneSentence(Run r) {
        assertNotEquals(0, r.code(), r.toString());
        String e = r.err().strip();
        assertFalse(e.isEmpty(), "stderr is empty");
        assertEquals(1, e.lines().count(), e);
        assertFalse(e.contains("Exception"), e);
    }

    @Test
    void headlessWhenAVerbIsGiven() {
        assertTrue(Cli.isHeadless(new String[]{"status", "--json"}));
        assertTrue(Cli.isHeadless(new String[]{"--lab", "x.json", "up"}));
        assertTrue(Cli.isHeadless(new String[]{"--help"}));
        assertFalse(Cli.isHeadless(new String[]{}));
        assertFalse(Cli.isHeadless(new String[]{"--lab", "x.json"}));
    }

    @Test
    void helpAndUnknownVerb() {
        Run help = cli("--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("status [--json]"));
        assertEquals(0, cli("status", "--help").code());
        assertOneSentence(cli("frobnicate"));
    }

    @Test
    void invalidLabFile() throws Exception {
        Path f = Files.createTempFile("lab", ".json");
        Files.writeString(f, "not json");
        Run r = cli("up", "--lab", f.toString());
        assertOneSentence(r);
        assertTrue(r.err().contains("is not valid JSON"), r.err());
    }

    @Test
    void nodeNameWithSpacesAndPortOutOfRange() throws Exception {
        Path f = Files.createTempFile("lab", ".json");
        Files.writeString(f, "{\"nodes\":[{\"name\":\"node one\",\"port\":6001}],\"monitor\":{\"name\":\"monitor\",\"port\":99999},"
                + "\"hosts\":[{\"id\":\"local\",\"local\":true}]}");
        Run r = cli("up", "--lab", f.toString());
        assertOneSentence(r);
        assertTrue(r.err().contains("'node one'") && r.err().contains("99999"), r.err());
        assertOneSentence(cli("up", "--node-ports", "6001"));
        assertOneSentence(cli("up", "--monitor-port", "abc"));
    }

    @Test
    @Tag("root") // runs as root or with password-less sudo; -Punit leaves it out
    void portInUseIsRefusedBeforeAnythingIsCreated() throws Exception {
        Path root = io.failoverlab.testing.TestLabs.tempRoot("cli-port-");
        try (ServerSocket busy = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            int p1 = io.failoverlab.testing.TestLabs.freePort();
            int p2 = io.failoverlab.testing.TestLabs.freePort();
            Run r = cli("up", "--data-dir", root.resolve("lab").toString(), "--monitor-port", String.valueOf(busy.getLocalPort()),
                    "--node-ports", p1 + "," + p2);
            assertOneSentence(r);
            assertTrue(r.err().contains("Port " + busy.getLocalPort() + " on this machine is in use"), r.err());
            assertFalse(Files.exists(root.resolve("lab")), "nothing created");
        } finally {
            io.failoverlab.testing.TestLabs.deleteTree(root);
        }
    }

    @Test
    @Tag("root") // runs as root or with password-less sudo; -Punit leaves it out
    void missingPostgresWithoutInstallIsOneSentence() throws Exception {
        Path root = io.failoverlab.testing.TestLabs.tempRoot("cli-missing-");
        Path f = root.resolve("lab.json");
        Files.writeString(f, "{\"postgresMajor\": 9, \"installPackages\": false, \"dataDir\": \"" + root.resolve("lab") + "\","
                + "\"hosts\":[{\"id\":\"local\",\"local\":true}],\"monitor\":{\"name\":\"monitor\",\"port\":" + io.failoverlab.testing.TestLabs.freePort() + "},"
                + "\"nodes\":[{\"name\":\"node1\",\"port\":" + io.failoverlab.testing.TestLabs.freePort() + "}]}");
        try {
            Run r = cli("up", "--lab", f.toString());
            assertOneSentence(r);
            assertTrue(r.err().contains("PostgreSQL 9 is not installed on this machine"), r.err());
        } finally {
            io.failoverlab.testing.TestLabs.deleteTree(root);
        }
    }

    @Test
    void unknownSshHostIsOneSentenceNamingIt() throws Exception {
        Path root = io.failoverlab.testing.TestLabs.tempRoot("cli-ssh-");
        try {
            Path key = root.resolve("id_ed25519");
            io.failoverlab.remote.KeyPairs.generateEd25519(key, "test");
            Path f = root.resolve("lab.json");
            Files.writeString(f, "{\"dataDir\": \"/tmp/none\", \"hosts\":[{\"id\":\"vm1\",\"local\":false,\"address\":\"no-such-host.invalid\","
                    + "\"sshPort\":22,\"user\":\"root\",\"keyFile\":\"" + key + "\"}],"
                    + "\"monitor\":{\"name\":\"monitor\",\"host\":\"vm1\",\"port\":6000},\"nodes\":[{\"name\":\"node1\",\"host\":\"vm1\",\"port\":6001}]}");
            Run r = cli("up", "--lab", f.toString(), "--known-hosts", root.resolve("known_hosts").toString());
            assertOneSentence(r);
            assertTrue(r.err().contains("no-such-host.invalid"), r.err());
        } finally {
            io.failoverlab.testing.TestLabs.deleteTree(root);
        }
    }
}
