package io.failoverlab.cloud.machines;

import io.failoverlab.lab.LabException;
import io.failoverlab.lab.Msg;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * One task per machine, all at once (a machine's disk, boot and SSH wait are mostly waiting), then
 * every result by machine; the first failure is thrown once all have ended, so none is left half done.
 */
final class InParallel {
    private InParallel() { }

    static <T> Map<String, T> each(List<String> ids, Function<String, T> task) {
        Map<String, T> out = new LinkedHashMap<>();
        if (ids.isEmpty()) return out;
        if (ids.size() == 1) {
            out.put(ids.get(0), task.apply(ids.get(0)));
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(ids.size(), r -> {
            Thread t = new Thread(r, "machines");
            t.setDaemon(true);
            return t;
        });
        try {
            Map<String, Future<T>> running = new LinkedHashMap<>();
            for (String id : ids) running.put(id, pool.submit(() -> task.apply(id)));
            RuntimeException first = null;
            for (var e : running.entrySet()) {
                try {
                    out.put(e.getKey(), e.getValue().get());
                } catch (ExecutionException failed) {
                    if (first == null) {
                        first = failed.getCause() instanceof RuntimeException r ? r : new RuntimeException(failed.getCause());
                    }
                } catch (InterruptedException stop) {
                    Thread.currentThread().interrupt();
                    running.values().forEach(f -> f.cancel(true));
                    throw new LabException(Msg.of("machines.interrupted"));
                }
            }
            if (first != null) throw first;
            return out;
        } finally {
            pool.shutdown();
        }
    }
}
