package io.failoverlab.ui;

import io.failoverlab.lab.LabSpec;
import io.failoverlab.lab.LogLine;
import io.failoverlab.testing.TestLabs;
import javafx.animation.AnimationTimer;
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
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Benchmarks that print figures (no timed assertions: these machines are shared and noisy):
 * the log viewer under 1,000,000 appended lines (time, heap after GC, longest FX-thread stall
 * measured as the longest gap between animation pulses), and start-up to first frame, both in
 * this JVM (window shown → first laid-out pulse) and as a fresh `java` process.
 */
@ExtendWith(ApplicationExtension.class)
class UiBenchTest {
    static final int LINES = 1_000_000;
    @TempDir
    static Path dir;
    LabSession session;
    ConsoleWindow window;
    double showToFirstFrameMs = -1;

    @Start
    void start(Stage stage) {
        LabSpec lab = LabSpec.local(dir.resolve("lab").toString(), TestLabs.freePort(), TestLabs.freePort(), TestLabs.freePort());
        lab.name = "bench";
        UiSettings settings = new UiSettings();
        settings.width = 1300;
        settings.height = 850;
        session = new LabSession(lab);
        window = new ConsoleWindow(stage, session, Actions.standard(), new UiSettingsStore(dir.resolve("console.json")), settings, Locale.ENGLISH);
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

    @Test
    void logViewerTakesAMillionLines(FxRobot robot) throws Exception {
        Thread.sleep(500);
        System.gc();
        Runtime rt = Runtime.getRuntime();
        long heapBefore = rt.totalMemory() - rt.freeMemory();
        AtomicLong lastPulse = new AtomicLong(), longest = new AtomicLong(), pulses = new AtomicLong();
        AnimationTimer meter = new AnimationTimer() {
            @Override
            public void handle(long now) {
                long prev = lastPulse.getAndSet(now);
                if (prev != 0) longest.accumulateAndGet(now - prev, Math::max);
                pulses.incrementAndGet();
            }
        };
        robot.interact(meter::start);
        Thread.sleep(300);
        longest.set(0);
        long t0 = System.nanoTime();
        Thread producer = new Thread(() -> {
            for (int i = 0; i < LINES; i++) {
                session.log().offer(LogLine.of(i % 3 == 0 ? "monitor" : "local", i % 10 == 0 ? LogLine.Level.EVENT : LogLine.Level.OUTPUT,
                        "line " + i + " of the benchmark: pg_autoctl output as it streams"));
            }
        }, "bench-producer");
        producer.start();
        producer.join();
        double offered = (System.nanoTime() - t0) / 1e9;
        FxWait.until(120, () -> session.log().received() == LINES, () -> "received " + session.log().received());
        double total = (System.nanoTime() - t0) / 1e9;
        Thread.sleep(500); // a few pulses with the full buffer, following the tail
        robot.interact(meter::stop);
        long stall = longest.get();
        int kept = FxWait.onFx(() -> session.log().lines().size());
        System.gc();
        Thread.sleep(200);
        System.gc();
        long heapAfter = rt.totalMemory() - rt.freeMemory();
        System.out.printf(Locale.ROOT, "BENCH log viewer: %,d lines appended in %.2f s (offered by the producer in %.2f s), %,d kept in the ring"
                        + " (capacity %,d)%n", LINES, total, offered, kept, LogViewModel.DEFAULT_CAPACITY);
        System.out.printf(Locale.ROOT, "BENCH log viewer: heap used after GC %.0f MB (before %.0f MB, max heap %.0f MB)%n",
                heapAfter / 1048576.0, heapBefore / 1048576.0, rt.maxMemory() / 1048576.0);
        System.out.printf(Locale.ROOT, "BENCH log viewer: longest FX-thread stall (gap between pulses) %.1f ms over %d pulses%n",
                stall / 1e6, pulses.get());
        assertEquals(Math.min(LINES, LogViewModel.DEFAULT_CAPACITY), kept);
    }

    /**
     * Display latency of the window's own path: a snapshot handed over exactly where the monitor
     * feed hands its (after the NOTIFY and the re-query) until the table's cells show it, measured
     * after each layout pulse. Roles swap 40 times, 150 ms apart.
     */
    @Test
    void displayLatencyFromSnapshotToTable(FxRobot robot) throws Exception {
        DisplayLatency latency = new DisplayLatency();
        javafx.scene.control.TableView<NodeRow> table = robot.lookup(".table-view").queryAs(javafx.scene.control.TableView.class);
        FxWait.onFx(() -> {
            window.scene().addPostLayoutPulseListener(() -> latency.onPulse(table));
            return null;
        });
        session.tap(latency::onSnapshot);
        java.time.Instant t = java.time.Instant.now();
        for (int i = 0; i < 40; i++) {
            boolean even = i % 2 == 0;
            session.offerSnapshot(Snapshots.of(t.plusMillis(i * 150L),
                    Snapshots.node("node1", 1, 6001, even ? io.failoverlab.lab.NodeState.PRIMARY : io.failoverlab.lab.NodeState.SECONDARY,
                            even ? io.failoverlab.lab.NodeState.PRIMARY : io.failoverlab.lab.NodeState.SECONDARY),
                    Snapshots.node("node2", 2, 6002, even ? io.failoverlab.lab.NodeState.SECONDARY : io.failoverlab.lab.NodeState.PRIMARY,
                            even ? io.failoverlab.lab.NodeState.SECONDARY : io.failoverlab.lab.NodeState.PRIMARY)));
            Thread.sleep(150);
        }
        Thread.sleep(500);
        session.tap(null);
        assertTrue(FxWait.onFx(latency::count) > 0, "the table showed the snapshots");
        System.out.println("BENCH display latency (snapshot handed to the window → table cells show it): " + FxWait.onFx(latency::summary));
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
