package io.failoverlab.cloud;

import io.failoverlab.lab.LabProfiles;
import io.failoverlab.lab.LabSpec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A class's worth of identical labs (one per student, each with its own label): created or
 * deleted in parallel, since the limit is gcloud's own latency, not this machine.
 */
public final class Fleet {
    public record Outcome(String lab, boolean ok, String message, double seconds) { }

    public record Report(List<Outcome> outcomes, Duration wall) {
        public long failed() { return outcomes.stream().filter(o -> !o.ok()).count(); }
    }

    /** What a fleet does to one lab; returns one sentence. */
    @FunctionalInterface
    public interface Action {
        String apply(LabSpec lab) throws Exception;
    }

    private Fleet() { }

    /** prefix-1 .. prefix-N, copies of the template without its hosts (each gets its own VMs). */
    public static List<LabSpec> clones(LabSpec template, String prefix, int count) {
        List<LabSpec> out = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            LabSpec c = LabProfiles.JSON.convertValue(LabProfiles.JSON.valueToTree(template), LabSpec.class);
            c.name = prefix + "-" + i;
            c.hosts.clear();
            out.add(c);
        }
        return out;
    }

    public static Report create(List<LabSpec> labs, Function<LabSpec, Provider> providers, boolean parallel, Consumer<LabSpec> created) {
        return run(labs, parallel, lab -> {
            String s = providers.apply(lab).provision(lab, Progress.NONE).summary();
            created.accept(lab);
            return s;
        });
    }

    public static Report destroy(List<LabSpec> labs, Function<LabSpec, Provider> providers, boolean parallel) {
        return run(labs, parallel, lab -> {
            List<String> gone = providers.apply(lab).destroy(lab, Progress.NONE);
            return "deleted " + (gone.isEmpty() ? "nothing" : String.join(", ", gone));
        });
    }

    public static Report run(List<LabSpec> labs, boolean parallel, Action action) {
        long t0 = System.nanoTime();
        List<Outcome> outcomes = new ArrayList<>();
        if (!parallel || labs.size() < 2) {
            for (LabSpec l : labs) outcomes.add(one(l, action));
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(Math.min(labs.size(), 16));
            try {
                List<Future<Outcome>> fs = new ArrayList<>();
                for (LabSpec l : labs) fs.add(pool.submit(() -> one(l, action)));
                for (Future<Outcome> f : fs) outcomes.add(f.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            } finally {
                pool.shutdownNow();
            }
        }
        return new Report(outcomes, Duration.ofNanos(System.nanoTime() - t0));
    }

    private static Outcome one(LabSpec lab, Action action) {
        long t0 = System.nanoTime();
        try {
            return new Outcome(lab.name, true, action.apply(lab), (System.nanoTime() - t0) / 1e9);
        } catch (Exception e) {
            return new Outcome(lab.name, false, e.getMessage() == null ? e.toString() : e.getMessage(), (System.nanoTime() - t0) / 1e9);
        }
    }
}
