package io.failoverlab.ui;

import io.failoverlab.ui.console.ConsoleWindow;
import io.failoverlab.ui.session.LabSession;
import io.failoverlab.ui.log.LogViewModel;
import io.failoverlab.ui.nodes.NodeRow;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.Tag;
import io.failoverlab.lab.LogLine;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Benchmarks that print figures (no timed assertions: these machines are shared and noisy):
 * the log viewer under 1,000,000 appended lines (time, heap after GC, longest FX-thread stall
 * measured as the longest gap between animation pulses), and start-up to first frame, both in
 * this JVM (window shown → first laid-out pulse) and as a fresh `java` process.
 */
@Tag("ui")
@Tag("bench")
@ExtendWith(ApplicationExtension.class)
@ResourceLock("display")
class UiBenchTest {
    static final int LINES = 1_000_000;
    @TempDir
    static Path dir;
    LabSession session;
    ConsoleWindow window;
    double showToFirstFrameMs = -1;

    @Start
    void start(Stage stage) {
        session = new LabSession(TestWindows.idleLab(dir, "bench"));
        window = TestWindows.console(stage, session, dir.resolve("console.json"), 1300, 850);
        long t0 = System.nanoTime();
        window.show();
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            window.scene().removePostLayoutPulseListener(once[0]);
            showToFirstFrameMs = (System.nanoTime() - t0) / 1e6;
        };
        window.scene().addPostLayoutPulseListener(once[0]);
    }

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.cleanupStages();
        session.close();
    }

    /**
     * One million lines three times: offered flat out by one thread in a window just opened, the
     * same again once the JIT has compiled the path, then streamed at 100,000 lines a second. The
     * stall is the longest gap between two pulses as the user sees it; beside it, the longest the
     * FX thread itself worked in one pulse (drain, CSS, layout) and the GC pauses meanwhile, since on
     * a 2-core machine a flat-out producer and the collector take the CPU the window needs.
     */
    @Test
    void logViewerTakesAMillionLines(FxRobot robot) throws Exception {
        Thread.sleep(500);
        System.gc();
        Runtime rt = Runtime.getRuntime();
        long heapBefore = rt.totalMemory() - rt.freeMemory();
        PulseMeter meter = new PulseMeter();
        FxWait.onFx(() -> {
            meter.start(window.scene());
            return null;
        });
        long received = 0;
        for (String[] run : new String[][]{{"flat out, window just opened", "0"}, {"flat out, again", "0"}, {"at 100,000 lines/s", "100"}}) {
            Thread.sleep(300);
            FxWait.onFx(() -> {
                meter.reset();
                return null;
            });
            long gc0 = gcMillis();
            long t0 = System.nanoTime();
            long base = received;
            long perMs = Long.parseLong(run[1]);
            Thread producer = new Thread(() -> produce(perMs), "bench-producer");
            producer.start();
            producer.join();
            double offered = (System.nanoTime() - t0) / 1e9;
            FxWait.until(120, () -> session.log().received() == base + LINES, () -> "received " + session.log().received());
            double total = (System.nanoTime() - t0) / 1e9;
            received += LINES;
            Thread.sleep(500); // a few pulses with the full buffer, following the tail
            System.out.printf(Locale.ROOT, "BENCH log viewer, %s: %,d lines appended in %.2f s (offered in %.2f s); longest stall (gap between"
                            + " pulses) %.1f ms over %d pulses; longest FX work in one pulse %.1f ms; GC %d ms%n",
                    run[0], LINES, total, offered, FxWait.onFx(meter::longestGapMs), FxWait.onFx(meter::pulses), FxWait.onFx(meter::longestWorkMs),
                    gcMillis() - gc0);
        }
        FxWait.onFx(() -> {
            meter.stop();
            return null;
        });
        int kept = FxWait.onFx(() -> session.log().lines().size());
        System.gc();
        Thread.sleep(200);
        System.gc();
        long heapAfter = rt.totalMemory() - rt.freeMemory();
        System.out.printf(Locale.ROOT, "BENCH log viewer: %,d kept in the ring (capacity %,d); heap used after GC %.0f MB (before %.0f MB, max heap %.0f MB)%n",
                kept, LogViewModel.DEFAULT_CAPACITY, heapAfter / 1048576.0, heapBefore / 1048576.0, rt.maxMemory() / 1048576.0);
        assertEquals(LogViewModel.DEFAULT_CAPACITY, kept);
        assertEquals(3L * LINES, session.log().received());
    }

    /** LINES lines, perMs a millisecond (0: as fast as one thread can make them). */
    private void produce(long perMs) {
        long p0 = System.nanoTime();
        for (int i = 0; i < LINES; i++) {
            if (perMs > 0 && i % 1000 == 0) {
                long due = p0 + i / perMs * 1_000_000L;
                while (System.nanoTime() < due) java.util.concurrent.locks.LockSupport.parkNanos(200_000);
            }
            session.log().offer(LogLine.of(i % 3 == 0 ? "monitor" : "local", i % 10 == 0 ? LogLine.Level.EVENT : LogLine.Level.OUTPUT,
                    "line " + i + " of the benchmark: pg_autoctl output as it streams"));
        }
    }

    private static long gcMillis() {
        return java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionTime).filter(t -> t > 0).sum();
    }

    /**
     * Display latency of the window's own path: a snapshot handed over exactly where the monitor
     * feed hands its (after the NOTIFY and the re-query) until the table's cells show it, measured
     * after each layout pulse. Roles swap 40 times, 150 ms apart, in a window just opened (the JIT
     * compilers still busy) and then 40 times more, as in a console that has been open a while.
     */
    @Test
    void displayLatencyFromSnapshotToTable(FxRobot robot) throws Exception {
        javafx.scene.control.TableView<NodeRow> table = robot.lookup(".table-view").queryAs(javafx.scene.control.TableView.class);
        java.time.Instant t = java.time.Instant.now();
        for (String phase : List.of("window just opened", "after 40 role changes")) {
            DisplayLatency latency = new DisplayLatency();
            Runnable onPulse = () -> latency.onPulse(table);
            FxWait.onFx(() -> {
                window.scene().addPostLayoutPulseListener(onPulse);
                return null;
            });
            session.tap(latency::onSnapshot);
            for (int i = 0; i < 40; i++) {
                boolean even = i % 2 == 0;
                t = t.plusMillis(150);
                session.offerSnapshot(Snapshots.of(t,
                        Snapshots.node("node1", 1, 6001, even ? io.failoverlab.lab.NodeState.PRIMARY : io.failoverlab.lab.NodeState.SECONDARY,
                                even ? io.failoverlab.lab.NodeState.PRIMARY : io.failoverlab.lab.NodeState.SECONDARY),
                        Snapshots.node("node2", 2, 6002, even ? io.failoverlab.lab.NodeState.SECONDARY : io.failoverlab.lab.NodeState.PRIMARY,
                                even ? io.failoverlab.lab.NodeState.SECONDARY : io.failoverlab.lab.NodeState.PRIMARY)));
                Thread.sleep(150);
            }
            Thread.sleep(500);
            session.tap(null);
            FxWait.onFx(() -> {
                window.scene().removePostLayoutPulseListener(onPulse);
                return null;
            });
            assertTrue(FxWait.onFx(latency::count) > 0, "the table showed the snapshots");
            System.out.println("BENCH display latency, " + phase + " (snapshot handed to the window → table cells show it): " + FxWait.onFx(latency::summary));
        }
    }

    @Test
    void startUpToFirstFrame() throws Exception {
        Thread.sleep(300);
        System.out.printf(Locale.ROOT, "BENCH start-up: window shown to first laid-out frame (toolkit already up): %.0f ms%n", showToFirstFrameMs);
        // a fresh JVM as a user starts it: java -cp … io.failoverlab.Main (no verb: the window)
        Path home = Files.createDirectories(dir.resolve("home"));
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dfailoverlab.timing=true", "-Duser.home=" + home, "-cp", System.getProperty("java.class.path"), "io.failoverlab.Main"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("XDG_CONFIG_HOME", home.resolve(".config").toString());
        pb.environment().put("FAILOVER_LAB_CONFIG_DIR", home.resolve(".config").resolve("failover-lab").toString());
        long t0 = System.nanoTime();
        Process p = pb.start();
        String found = null;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            String line;
            while (System.nanoTime() < deadline && (line = r.readLine()) != null) {
                if (line.startsWith("first frame after")) {
                    found = line;
                    break;
                }
            }
        } finally {
            double wall = (System.nanoTime() - t0) / 1e6;
            p.destroy();
            if (!p.waitFor(10, TimeUnit.SECONDS)) p.destroyForcibly();
            System.out.printf(Locale.ROOT, "BENCH start-up: fresh JVM, process start to first frame reported: %.0f ms (%s)%n", wall, found);
        }
        assertTrue(found != null, "the app never reported its first frame");
    }
}
