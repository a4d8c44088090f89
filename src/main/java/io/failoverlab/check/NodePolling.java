package io.failoverlab.check;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Reads the data nodes' own Postgres again and again, for when there is no monitor whose feed
 * could be followed (stopped, killed, replaced): the one poll of nodes in the app, beside
 * ops.Convergence, the one way to wait on the monitor (docs/architecture.md, When the monitor is down).
 */
public final class NodePolling {
    private NodePolling() { }

    /** Reads every `every` until done holds or bound passes, handing each read to onEach; returns the last read. */
    public static <T> T until(Supplier<T> read, Predicate<T> done, Duration bound, Duration every, Consumer<T> onEach)
            throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        while (true) {
            T now = read.get();
            if (onEach != null) onEach.accept(now);
            if (done.test(now) || System.nanoTime() >= deadline) return now;
            Thread.sleep(Math.min(every.toMillis(), Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
        }
    }
}
