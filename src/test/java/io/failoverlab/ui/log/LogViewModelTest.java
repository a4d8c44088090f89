package io.failoverlab.ui.log;

import io.failoverlab.ui.app.RingBufferList;
import io.failoverlab.lab.LogLine;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The log's bounded ring buffer, batching and filters, without a window. */
class LogViewModelTest {

    @Test
    void ringKeepsTheNewestLinesOnly() {
        RingBufferList<Integer> ring = new RingBufferList<>(5);
        ring.appendAll(List.of(1, 2, 3));
        ring.appendAll(List.of(4, 5, 6, 7));
        assertEquals(List.of(3, 4, 5, 6, 7), new ArrayList<>(ring));
        ring.appendAll(IntStream.range(100, 120).boxed().toList()); // batch larger than the ring
        assertEquals(List.of(115, 116, 117, 118, 119), new ArrayList<>(ring));
        assertThrows(IndexOutOfBoundsException.class, () -> ring.get(5));
        ring.clear();
        assertTrue(ring.isEmpty());
    }

    @Test
    void ringReportsRemovalsAndAdditionsThatAMirrorCanReplay() {
        RingBufferList<Integer> ring = new RingBufferList<>(4);
        List<Integer> mirror = new ArrayList<>();
        ring.addListener((ListChangeListener<Integer>) c -> {
            while (c.next()) {
                if (c.wasRemoved()) mirror.subList(c.getFrom(), c.getFrom() + c.getRemovedSize()).clear();
                if (c.wasAdded()) mirror.addAll(c.getFrom(), c.getAddedSubList());
            }
        });
        for (int i = 0; i < 20; i += 3) ring.appendAll(List.of(i, i + 1, i + 2));
        assertEquals(new ArrayList<>(ring), mirror);
    }

    @Test
    void drainBatchesIntoTheBoundedBuffer() {
        LogViewModel log = new LogViewModel(1000, List.of("local", "monitor", "app"));
        for (int i = 0; i < 5000; i++) log.offer(LogLine.of("local", LogLine.Level.OUTPUT, "line " + i));
        log.offer(LogLine.of("vm9", LogLine.Level.OUTPUT, "let go while queued"));
        for (int i = 5000; i < 6000; i++) log.offer(LogLine.of("local", LogLine.Level.OUTPUT, "line " + i));
        // the queue held no more than the ring can show: the 5,001 older lines were let go while queued
        assertEquals(1000, log.drain());
        assertEquals(1000, log.lines().size());
        assertEquals("line 5000", log.lines().get(0).text());
        assertEquals("line 5999", log.lines().get(999).text());
        assertEquals(6001, log.received());
        assertTrue(log.sources().contains("vm9"), "a source whose lines were all let go still has its tab");
        assertEquals(0, log.drain());
    }

    @Test
    @Tag("bench")
    void aMillionLinesStayWithinTheBoundAndDrainQuickly() {
        LogViewModel log = new LogViewModel(LogViewModel.DEFAULT_CAPACITY, List.of("local"));
        log.textProperty().set("needle"); // a live filter, as in the window
        long worstMs = 0;
        long t0 = System.nanoTime();
        for (int tick = 0; tick < 100; tick++) {
            for (int i = 0; i < 10_000; i++) {
                log.offer(LogLine.of("local", LogLine.Level.OUTPUT, (i % 1000 == 0 ? "needle " : "hay ") + tick + "/" + i));
            }
            long d0 = System.nanoTime();
            log.drain();
            worstMs = Math.max(worstMs, (System.nanoTime() - d0) / 1_000_000);
        }
        assertEquals(LogViewModel.DEFAULT_CAPACITY, log.lines().size());
        assertEquals(200, log.visible().size()); // 10 needles per tick in the last 20 ticks
        System.out.printf("BENCH 1,000,000 log lines in 100 batches: %d ms total, worst drain %d ms%n",
                (System.nanoTime() - t0) / 1_000_000, worstMs);
    }

    @Test
    void filtersBySourceLevelAndText() {
        LogViewModel log = new LogViewModel(100, List.of("local", "monitor", "app"));
        log.offer(LogLine.of("local", LogLine.Level.COMMAND, "$ pg_autoctl create monitor"));
        log.offer(LogLine.of("local", LogLine.Level.OUTPUT, "Initialising a PostgreSQL cluster"));
        log.offer(LogLine.of("monitor", LogLine.Level.EVENT, "New state for node 1: single"));
        log.offer(LogLine.of("app", LogLine.Level.ERROR, "step verify failed"));
        log.offer(LogLine.of("vm2", LogLine.Level.WARN, "slow"));
        log.drain();
        assertEquals(5, log.visible().size());
        assertTrue(log.sources().contains("vm2"), "a new source gets a tab");

        log.sourceProperty().set("local");
        assertEquals(2, log.visible().size());
        log.levels().remove(LogLine.Level.OUTPUT);
        assertEquals(List.of("$ pg_autoctl create monitor"), log.visible().stream().map(LogLine::text).toList());

        log.sourceProperty().set(null);
        log.levels().addAll(List.of(LogLine.Level.values()));
        log.textProperty().set("NODE 1");
        assertEquals(List.of("New state for node 1: single"), log.visible().stream().map(LogLine::text).toList());
        log.textProperty().set("");
        assertEquals(5, log.visible().size());
    }

    @Test
    void formatShowsTimeSourceLevelAndText() {
        String s = LogFormat.line(LogLine.of("local", LogLine.Level.COMMAND, "$ id -u"));
        assertTrue(s.matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3}  local    command \\$ id -u"), s);
        assertEquals("log-error", LogFormat.styleClass(LogLine.Level.ERROR));
    }
}
