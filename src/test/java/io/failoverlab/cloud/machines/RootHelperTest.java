package io.failoverlab.cloud.machines;

import io.failoverlab.lab.LabException;
import io.failoverlab.testing.TestLabs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.Closeable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The root helper's protocol, end to end with a real helper process (started here without sudo, as
 * whoever runs the tests): each kind of request does there what DirectRoot does, and fails here as
 * it would have; output lines stream; a timeout stops the command; a lock waits for its holder; the
 * line before the mark is ignored; the helper ends when the app closes its input.
 */
class RootHelperTest {
    private Path dir;
    private Process process;
    private RootHelperClient helper;

    @BeforeEach
    void start() throws Exception {
        dir = TestLabs.tempRoot("failoverlab-root-helper-");
        process = new ProcessBuilder(RootHelperClient.command()).start();
        // what sudo -S would have read: the helper skips it unread
        process.getOutputStream().write(("not-a-request\n" + RootHelper.MARK + "\n").getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().flush();
        helper = RootHelperClient.connect(process);
    }

    @AfterEach
    void stop() throws Exception {
        if (process.isAlive()) {
            process.getOutputStream().close();
            assertTrue(process.waitFor(10, TimeUnit.SECONDS), "the helper ends when its input ends");
        }
        TestLabs.deleteTree(dir);
    }

    @Test
    void filesAreWrittenMovedCopiedAndDeletedThere() throws Exception {
        Path f = dir.resolve("a/b/file.txt");
        helper.write(f, "hello\n".getBytes(StandardCharsets.UTF_8), "rw-r-----");
        assertEquals("hello\n", Files.readString(f));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
        helper.mkdirs(dir.resolve("c/d"));
        helper.chmod(dir.resolve("c/d"), "rwx------");
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("c/d"))));
        helper.copy(f, dir.resolve("c/copy.txt"));
        helper.move(dir.resolve("c/copy.txt"), dir.resolve("c/moved.txt"));
        assertEquals("hello\n", Files.readString(dir.resolve("c/moved.txt")));
        assertFalse(Files.exists(dir.resolve("c/copy.txt")));
        helper.delete(dir.resolve("c/moved.txt"));
        helper.delete(dir.resolve("c/moved.txt")); // already gone: not an error
        assertFalse(Files.exists(dir.resolve("c/moved.txt")));
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> helper.write(f.resolve("under-a-file"), new byte[0], "rw-r--r--"));
        assertTrue(e.getMessage().startsWith("Cannot write "), e.getMessage());
    }

    @Test
    void commandsStreamTheirLinesAndEndWithTheirExitCode() {
        List<String> lines = new CopyOnWriteArrayList<>();
        RootAccess.Outcome ok = helper.exec(Duration.ofSeconds(20), lines::add, List.of("bash", "-c", "echo one; echo two >&2; exit 3"));
        assertEquals(3, ok.exit());
        assertFalse(ok.timedOut());
        assertEquals(List.of("one", "two"), lines.stream().sorted((a, b) -> a.equals("one") ? -1 : 1).toList());
        assertTrue(ok.output().contains("one\n") && ok.output().contains("two\n"), ok.output());
        // what root's side writes stays readable by the app, whatever the login's umask
        assertEquals("0022\n", helper.exec(Duration.ofSeconds(20), null, List.of("sh", "-c", "umask")).output());
        RootAccess.Outcome slow = helper.exec(Duration.ofMillis(300), null, List.of("sleep", "20"));
        assertTrue(slow.timedOut());
        LabException missing = assertThrows(LabException.class,
                () -> helper.exec(Duration.ofSeconds(5), null, List.of("/no/such/command")));
        assertTrue(missing.getMessage().startsWith("Cannot run /no/such/command"), missing.getMessage());
    }

    @Test
    void aLockWaitsForItsHolder() throws Exception {
        Path lock = dir.resolve("cache/.trixie.lock");
        AtomicBoolean second = new AtomicBoolean();
        Closeable first = helper.lock(lock);
        Thread t = new Thread(() -> {
            try (Closeable ignored = helper.lock(lock)) {
                second.set(true);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        t.start();
        t.join(500);
        assertFalse(second.get(), "the second lock waits while the first is held");
        first.close();
        t.join(10_000);
        assertTrue(second.get(), "the second lock is had once the first is released");
    }

    @Test
    void detachedProcessesStartAndSignalsReachThem() throws Exception {
        Path log = dir.resolve("detached.log");
        Files.createFile(log);
        helper.startDetached(List.of("bash", "-c", "echo started; echo $$ > " + dir.resolve("pid") + "; exec sleep 30"), log);
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!Files.exists(dir.resolve("pid")) || Files.readString(dir.resolve("pid")).isBlank()) {
            assertTrue(System.nanoTime() < deadline, "the detached process never started");
            Thread.sleep(50);
        }
        long pid = Long.parseLong(Files.readString(dir.resolve("pid")).strip());
        assertTrue(helper.signal(pid, false), "SIGTERM sent");
        ProcessHandle.of(pid).ifPresent(p -> p.onExit().join());
        assertTrue(Files.readString(log).contains("started"));
        assertFalse(helper.signal(pid, true), "already gone");
    }
}
