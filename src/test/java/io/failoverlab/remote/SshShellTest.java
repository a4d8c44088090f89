package io.failoverlab.remote;

import org.junit.jupiter.api.Tag;
import io.failoverlab.lab.LabException;
import io.failoverlab.testing.Sshd;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** SshShell against a real OpenSSH server on loopback (the login user is root, as in CI). */
@Tag("cluster")
class SshShellTest {
    static Sshd sshd;
    @TempDir Path tmp;

    @BeforeAll
    static void startSshd() throws IOException {
        sshd = Sshd.start();
    }

    @AfterAll
    static void stopSshd() {
        if (sshd != null) sshd.close();
    }

    private SshShell shell(Path knownHosts) {
        return shell(knownHosts, null, null);
    }

    private SshShell shell(Path knownHosts, String alias, KnownHostsFile.FirstContact fc) {
        return new SshShell(sshd.host(), sshd.port(), sshd.user(), sshd.clientKey(), null, knownHosts, alias, fc);
    }

    private Path knownHosts() { return tmp.resolve("known_hosts"); }

    @Test
    void runsCommandsAndReportsExitCodes() throws IOException {
        try (SshShell sh = shell(knownHosts())) {
            CommandResult r = sh.run(Command.of("echo hello; echo oops >&2"));
            assertEquals(0, r.exitCode());
            assertEquals("hello\n", r.stdout());
            assertEquals("oops\n", r.stderr());
            assertEquals(3, sh.run(Command.of("exit 3")).exitCode());
            assertFalse(sh.run(Command.of("false")).ok());
            assertEquals("'quoted' $HOME \"x\"\n", sh.run(Command.of("echo \"'quoted' \\$HOME \\\"x\\\"\"")).stdout());
            assertTrue(sh.loginIsRoot());
            assertEquals(sshd.user() + "@127.0.0.1:" + sshd.port(), sh.describe());
        }
    }

    @Test
    void streamsLinesWhileTheCommandRuns() throws IOException {
        List<Long> arrivals = new CopyOnWriteArrayList<>();
        List<String> lines = new CopyOnWriteArrayList<>();
        try (SshShell sh = shell(knownHosts())) {
            CommandResult r = sh.run(Command.of("for i in 1 2 3; do echo $i; sleep 0.3; done").listener((s, l) -> {
                arrivals.add(System.nanoTime());
                lines.add(l);
            }));
            long end = System.nanoTime();
            assertTrue(r.ok());
            assertEquals(List.of("1", "2", "3"), lines);
            // Line 3 is printed at least 0.6 s after line 1: collected at the end, they would arrive together.
            assertTrue(arrivals.get(2) - arrivals.get(0) >= TimeUnit.MILLISECONDS.toNanos(400), "lines arrived together");
            assertTrue(end - arrivals.get(0) >= TimeUnit.MILLISECONDS.toNanos(400), "first line arrived only at the end");
        }
    }

    @Test
    void timeoutStopsTheRemoteProcessTree() throws Exception {
        Path pid = tmp.resolve("sleep.pid");
        try (SshShell sh = shell(knownHosts())) {
            CommandResult r = sh.run(Command.of("sleep 300 & echo $! > " + pid + "; wait")
                    .timeout(Duration.ofSeconds(2)));
            assertTrue(r.timedOut());
            assertEquals(-1, r.exitCode());
            assertTrue(r.took().toSeconds() < 60);
            long child = Long.parseLong(Files.readString(pid).strip());
            assertTrue(waitGone(child), "the timed-out command's child is still running");
            assertTrue(sh.run(Command.of("true")).ok(), "the shell still works after a timeout");
        }
    }

    static boolean waitGone(long pid) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) Thread.sleep(50);
            else return true;
        }
        return false;
    }

    @Test
    void runsAsPostgresWithItsLoginEnvironmentAndAsRoot() throws IOException {
        String home = getentHome("postgres");
        try (SshShell sh = shell(knownHosts())) {
            assertEquals("postgres", sh.check(Command.asPostgres("id -un")).stdout().strip());
            assertEquals(home, sh.check(Command.asPostgres("echo $HOME")).stdout().strip());
            assertEquals("root", sh.check(Command.asRoot("id -un")).stdout().strip());
        }
    }

    static String getentHome(String user) throws IOException {
        String line = new LocalShell().check(Command.of("getent passwd " + user)).stdout().strip();
        return line.split(":")[5];
    }

    @Test
    void uploadsSmallAndLargeFilesWithTheirMode() throws IOException {
        byte[] small = "line one\nline 'two' $x\n".getBytes(StandardCharsets.UTF_8);
        byte[] large = new byte[300 * 1024];
        new Random(42).nextBytes(large);
        Path a = tmp.resolve("sub/dir/small.conf");
        Path b = tmp.resolve("large.bin");
        try (SshShell sh = shell(knownHosts())) {
            sh.upload(small, a.toString(), "640");
            sh.upload(large, b.toString(), "600");
        }
        assertArrayEquals(small, Files.readAllBytes(a));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(a)));
        assertArrayEquals(large, Files.readAllBytes(b));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(b)));
    }

    @Test
    void forwardsALocalPortThroughTheTunnel() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
             SshShell sh = shell(knownHosts())) {
            ExecutorService ex = Executors.newSingleThreadExecutor();
            Future<?> served = ex.submit(() -> {
                try (Socket s = server.accept(); OutputStream o = s.getOutputStream()) {
                    o.write("hello through the tunnel\n".getBytes(StandardCharsets.UTF_8));
                }
                return null;
            });
            try (PortForward f = sh.forward("127.0.0.1", server.getLocalPort())) {
                assertNotEquals(server.getLocalPort(), f.localPort());
                try (Socket c = new Socket(InetAddress.getLoopbackAddress(), f.localPort())) {
                    c.setSoTimeout(30_000);
                    InputStream in = c.getInputStream();
                    assertEquals("hello through the tunnel\n", new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            } finally {
                served.get(30, TimeUnit.SECONDS);
                ex.shutdownNow();
            }
        }
    }

    @Test
    void runsCommandsConcurrently() throws Exception {
        try (SshShell sh = shell(knownHosts())) {
            ExecutorService ex = Executors.newFixedThreadPool(12);
            List<Future<CommandResult>> all = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                int n = i;
                all.add(ex.submit(() -> sh.run(Command.of("sleep 0.5; echo " + n))));
            }
            for (int i = 0; i < 12; i++) {
                assertEquals(i + "\n", all.get(i).get(120, TimeUnit.SECONDS).stdout());
            }
            ex.shutdownNow();
        }
    }

    @Test
    void reconnectsWhenTheSessionDropped() throws Exception {
        try (SshShell sh = shell(knownHosts())) {
            // The outer shell's parent is this connection's sshd process; ending it drops the session.
            long conn = Long.parseLong(sh.check(Command.of("ps -o ppid= -p $PPID")).stdout().strip());
            ProcessHandle.of(conn).ifPresent(ProcessHandle::destroy);
            assertTrue(waitGone(conn));
            assertEquals("again\n", sh.check(Command.of("echo again")).stdout());
        }
    }

    @Test
    void firstContactRecordsTheHostKeyAndReportsItsFingerprint() throws IOException {
        List<String> reported = new ArrayList<>();
        try (SshShell sh = shell(knownHosts(), null, (host, type, fp) -> reported.add(host + " " + type + " " + fp))) {
            sh.check(Command.of("true"));
            assertEquals(sshd.hostKeyFingerprint(), sh.hostKeyFingerprint());
        }
        String expected = "[127.0.0.1]:" + sshd.port() + " ssh-ed25519 " + sshd.hostKeyFingerprint();
        assertEquals(List.of(expected), reported);
        assertTrue(sshd.hostKeyFingerprint().matches("SHA256:[A-Za-z0-9+/]{43}"));
        String file = Files.readString(knownHosts());
        assertTrue(file.startsWith("[127.0.0.1]:" + sshd.port() + " ssh-ed25519 AAAA"), file);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(knownHosts())));
        // Known now: a second connection is silent and writes nothing.
        try (SshShell sh = shell(knownHosts(), null, (host, type, fp) -> reported.add("again"))) {
            sh.check(Command.of("true"));
        }
        assertEquals(1, reported.size());
        assertEquals(file, Files.readString(knownHosts()));
    }

    @Test
    void aChangedHostKeyIsRefusedNamingBothFingerprints() throws IOException {
        String before;
        try (SshShell sh = shell(knownHosts())) {
            sh.check(Command.of("true"));
            before = sh.hostKeyFingerprint();
        }
        sshd.regenerateHostKey();
        String after = sshd.hostKeyFingerprint();
        assertNotEquals(before, after);
        try (SshShell sh = shell(knownHosts())) {
            HostKeyChangedException e = assertThrows(HostKeyChangedException.class, () -> sh.run(Command.of("true")));
            assertTrue(e.getMessage().contains("127.0.0.1:" + sshd.port()), e.getMessage());
            assertTrue(e.getMessage().contains(before), e.getMessage());
            assertTrue(e.getMessage().contains(after), e.getMessage());
            assertEquals(before, e.knownFingerprint());
            assertEquals(after, e.offeredFingerprint());
        }
    }

    @Test
    void aHostKeyAliasPinsTheKeyUnderThatName() throws IOException {
        try (SshShell sh = shell(knownHosts(), "instance-4711", null)) {
            sh.check(Command.of("true"));
        }
        assertTrue(Files.readString(knownHosts()).startsWith("instance-4711 ssh-ed25519 "));
    }

    @Test
    void aWrongKeyGivesAClearAuthenticationError() throws IOException {
        Path other = tmp.resolve("other_key");
        KeyPairs.generateEd25519(other, "not authorized");
        try (SshShell sh = new SshShell(sshd.host(), sshd.port(), sshd.user(), other, null, knownHosts(), null, null)) {
            LabException e = assertThrows(LabException.class, () -> sh.run(Command.of("true")));
            assertTrue(e.getMessage().contains(sshd.user() + "@127.0.0.1:" + sshd.port() + " refused the SSH key"), e.getMessage());
        }
    }

    @Test
    void aMissingKeyFileGivesAClearError() {
        Path missing = tmp.resolve("missing_key");
        LabException e = assertThrows(LabException.class, () ->
                new SshShell(sshd.host(), sshd.port(), "alice", missing, null, knownHosts(), null, null));
        assertTrue(e.getMessage().contains("missing or unreadable"), e.getMessage());
        assertTrue(e.getMessage().contains("alice@127.0.0.1:" + sshd.port()), e.getMessage());
    }

    @Test
    void anUnknownHostNameGivesAClearError() {
        try (SshShell sh = new SshShell("no-such-host.invalid", 22, "alice", sshd.clientKey(), null, knownHosts(), null, null)) {
            LabException e = assertThrows(LabException.class, () -> sh.run(Command.of("true")));
            assertTrue(e.getMessage().contains("alice@no-such-host.invalid:22"), e.getMessage());
            assertTrue(e.getMessage().contains("not known"), e.getMessage());
        }
    }

    @Test
    void aClosedPortGivesAClearError() throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        try (SshShell sh = new SshShell("127.0.0.1", closed, "alice", sshd.clientKey(), null, knownHosts(), null, null)) {
            LabException e = assertThrows(LabException.class, () -> sh.run(Command.of("true")));
            assertTrue(e.getMessage().contains("alice@127.0.0.1:" + closed), e.getMessage());
            assertTrue(e.getMessage().contains("refused"), e.getMessage());
        }
    }

    @Test
    void passphraseProtectedRsaKeysWorkAndAWrongPassphraseIsNamed() throws IOException {
        Path key = tmp.resolve("id_rsa");
        new LocalShell().check(Command.of("ssh-keygen -q -t rsa -b 3072 -N 'sec ret' -C rsa-test -f " + key));
        sshd.authorize(Files.readString(tmp.resolve("id_rsa.pub")));
        try (SshShell sh = new SshShell(sshd.host(), sshd.port(), sshd.user(), key, "sec ret".toCharArray(), knownHosts(), null, null)) {
            assertEquals("ok\n", sh.check(Command.of("echo ok")).stdout());
        }
        LabException wrong = assertThrows(LabException.class, () ->
                new SshShell(sshd.host(), sshd.port(), sshd.user(), key, "nope".toCharArray(), knownHosts(), null, null));
        assertTrue(wrong.getMessage().contains("passphrase") && wrong.getMessage().contains("wrong"), wrong.getMessage());
        assertFalse(wrong.getMessage().contains("nope"), "the passphrase must never appear in messages");
        LabException none = assertThrows(LabException.class, () ->
                new SshShell(sshd.host(), sshd.port(), sshd.user(), key, null, knownHosts(), null, null));
        assertTrue(none.getMessage().contains("none was given"), none.getMessage());
    }
}
