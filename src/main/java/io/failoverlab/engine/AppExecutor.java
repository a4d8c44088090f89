package io.failoverlab.engine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The app's one pool for reads, probes and closes that must not run on the caller's thread (the
 * window's FX thread above all). Named daemon threads; what escapes a task is logged, not lost.
 * Cluster-changing operations never run here: they go one at a time to the lab's OperationRunner.
 */
public final class AppExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(AppExecutor.class);
    private static final ExecutorService SHARED = Executors.newCachedThreadPool(threads("app", true));

    private AppExecutor() { }

    public static ExecutorService shared() { return SHARED; }

    /** Closes c on a thread that keeps the JVM alive until it is done, so the caller returns at once. */
    public static void closeLater(String name, AutoCloseable c) {
        Thread t = threads(name, false).newThread(() -> {
            try {
                c.close();
            } catch (Exception e) {
                LOG.warn("closing {} failed", name, e);
            }
        });
        t.start();
    }

    public static ThreadFactory threads(String name, boolean daemon) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(daemon);
            t.setUncaughtExceptionHandler((th, e) -> LOG.error("uncaught in {}", th.getName(), e));
            return t;
        };
    }
}
