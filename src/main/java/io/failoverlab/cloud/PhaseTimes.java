package io.failoverlab.cloud;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Seconds spent in each phase of making a lab's machines or VMs (machines: image, network, disks,
 * boot, SSH; gce: check, instances, host keys, SSH), so the provision step can say where its time
 * went: the figures every speed change is measured against.
 */
public final class PhaseTimes {
    private final Map<String, Double> seconds = new LinkedHashMap<>();
    private final long start = System.nanoTime();
    private long mark = start;

    /** Adds the time since the last lap (or the start) to this phase. */
    public void lap(String phase) {
        long now = System.nanoTime();
        seconds.merge(phase, (now - mark) / 1e9, Double::sum);
        mark = now;
    }

    public double of(String phase) { return seconds.getOrDefault(phase, 0.0); }

    public double total() { return (System.nanoTime() - start) / 1e9; }
}
