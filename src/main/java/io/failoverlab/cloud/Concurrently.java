package io.failoverlab.cloud;

import io.failoverlab.lab.LabException;
import io.failoverlab.lab.Msg;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Runs a provider's independent steps at once: gcloud calls (each is seconds of gcloud's own
 * start-up and the API's latency, not this machine's work), per-VM waits, and a machine's disk,
 * boot and SSH wait. Every task is waited for, so none is left half done and no gcloud call
 * outlives the step; then the first failure, in the order given, is thrown as it was.
 */
public final class Concurrently {
    private Concurrently() { }

    /** f on each item at once; the results in the items' order. */
    public static <I, T> List<T> map(List<I> items, Function<I, T> f) {
        List<Callable<T>> tasks = new ArrayList<>();
        for (I item : items) tasks.add(() -> f.apply(item));
        return all(tasks);
    }

    /** f on each id at once; the results by id, in the ids' order. */
    public static <T> Map<String, T> byId(List<String> ids, Function<String, T> f) {
        List<T> results = map(ids, f);
        Map<String, T> out = new LinkedHashMap<>();
        for (int i = 0; i < ids.size(); i++) out.put(ids.get(i), results.get(i));
        return out;
    }

    public static void run(Runnable... tasks) {
        List<Callable<Object>> calls = new ArrayList<>();
        for (Runnable r : tasks) calls.add(() -> {
            r.run();
            return null;
        });
        all(calls);
    }

    /** Progress told from several threads, one report at a time (a listener need not be thread-safe). */
    public static Progress serialized(Progress p) {
        Object lock = new Object();
        return new Progress() {
            @Override public void report(double f, String text) {
                synchronized (lock) {
                    p.report(f, text);
                }
            }

            @Override public void report(double f, Msg text) {
                synchronized (lock) {
                    p.report(f, text);
                }
            }
        };
    }

    static <T> List<T> all(List<Callable<T>> tasks) {
        if (tasks.isEmpty()) return List.of();
        if (tasks.size() == 1) {
            try {
                return Collections.singletonList(tasks.get(0).call()); // a Runnable's null too
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, tasks.size()), r -> {
            Thread t = new Thread(r, "concurrently");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> c : tasks) futures.add(pool.submit(c));
            List<T> out = new ArrayList<>();
            RuntimeException first = null;
            for (Future<T> f : futures) {
                try {
                    out.add(f.get());
                } catch (ExecutionException e) {
                    if (first == null) first = e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
                    out.add(null);
                }
            }
            if (first != null) throw first;
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabException(Msg.of("gce.interrupted")); // "Interrupted.", for any provider
        } finally {
            pool.shutdownNow(); // on interruption: Gcloud.run then stops the gcloud it started
        }
    }
}
