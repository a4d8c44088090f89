package io.failoverlab.check;

/**
 * Hears the write probe after every attempt and connection change. Called on the probe's own
 * thread: keep it short, and hop to the UI thread before touching views.
 */
@FunctionalInterface
public interface ProbeListener {
    void onStats(ProbeStats stats);
}
