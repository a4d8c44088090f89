package io.failoverlab.ui;

import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/** Bounded polling of FX-thread state from a test thread. */
public final class FxWait {
    private FxWait() { }

    public static <T> T onFx(Callable<T> c) {
        try {
            return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Polls (every 250 ms) until the condition, read on the FX thread, holds; fails with what() after the bound. */
    public static void until(int seconds, Callable<Boolean> condition, Callable<String> what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (Boolean.TRUE.equals(onFx(condition))) return;
            Thread.sleep(250);
        }
        throw new AssertionError("not within " + seconds + " s: " + onFx(what));
    }
}
