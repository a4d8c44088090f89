package io.failoverlab.remote;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** LocalShell on this machine (the tests run as root). */
class LocalShellTest {
    @TempDir Path tmp;
    private final LocalShell sh = new LocalShell();

    @Test
    void reportsOutputAndExitCodes() throws IOException {
        CommandResult r = sh.run(Command.of("echo out; echo err >&2; exit 4"));
        assertEquals(4, r.exitCode());
        assertEquals("out\n", r.stdout());
        assertEquals("err\n", r.stderr());
        assertFalse(r.ok());
        assertEquals("err", r.lastErrorLine());
        assertTrue(sh.run(Command.of("true")).ok());
        RemoteCommandException e = assertThrows(RemoteCommandException.class, () -> sh.check(Command.of("echo nope >&2; exit 2")));
        assertTrue(e.getMessage().contains("this machine") && e.getMessage().contains("nope"), e.getMessage());
    }

    @Test
    void streamsLinesWhileTheCommandRuns() throws IOException {
        List<Long> arrivals = new CopyOnWriteArrayList<>();
        List<String> lines = new CopyOnWriteArrayList<>();
        CommandResult r = sh.run(Command.of("for i in 1 2 3; do echo $i; sleep 0.3; done").listener((s, l) -> {
            arrivals.add(System.nanoTime());
            lines.add(l);
        }));
        assertTrue(r.ok());
        assertEquals(List.of("1", "2", "3"), lines);
        assertTrue(arrivals.get(2) - arrivals.get(0) >= TimeUnit.MILLISECONDS.toNanos(400), "lines arrived together");
    }

    @Test
    void timeoutKillsTheProcessTree() throws Exception {
        Path pid = tmp.resolve("sleep.pid");
        CommandResult r = sh.run(Command.of("sleep 300 & echo $! > " + pid + "; wait").timeout(Duration.ofSeconds(1)));
        assertTrue(r.timedOut());
        assertEquals(-1, r.exitCode());
        assertFalse(r.ok());
        long child = Long.parseLong(Files.readString(pid).strip());
        assertTrue(SshShellTest.waitGone(child), "the timed-out command's child is still running");
    }

    @Test
    @Tag("root") // runs as root or with password-less sudo; -Punit leaves it out
    void runsAsPostgresWithALoginEnvironmentAndAsRoot() throws IOException {
        assertTrue(sh.loginIsRoot());
        assertEquals("postgres", sh.check(Command.asPostgres("id -un")).stdout().strip());
        assertEquals(SshShellTest.getentHome("postgres"), sh.check(Command.asPostgres("echo $HOME")).stdout().strip());
        assertEquals("root", sh.check(Command.asRoot("id -un")).stdout().strip());
    }

    @Test
    @Tag("root") // runs as root or with password-less sudo; -Punit leaves it out
    void uploadWritesContentAndMode() throws IOException {
        Path f = tmp.resolve("a/b/c.txt");
        byte[] content = "x = 'y'\n$HOME\n".getBytes(StandardCharsets.UTF_8);
        sh.upload(content, f.toString(), "600");
        assertArrayEquals(content, Files.readAllBytes(f));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
    }
}
