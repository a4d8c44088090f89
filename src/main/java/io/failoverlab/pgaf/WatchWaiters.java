package io.failoverlab.pgaf;

import io.failoverlab.lab.ClusterSnapshot;

/**
 * Who waits on a watch for a condition (docs/architecture.md, Data flow): while {@link #eager()}
 * the watcher re-reads every 200 ms (and retries a lost monitor as often) instead of every 2 s,
 * so a measured wait is not 2 s coarse; every read, changed or not, goes to {@link #read}.
 */
public interface WatchWaiters {
    boolean eager();

    /** Each snapshot the watcher read (or an unreachable one on a failed connect); on the watcher's thread. */
    void read(ClusterSnapshot s);

    WatchWaiters NONE = new WatchWaiters() {
        @Override public boolean eager() { return false; }
        @Override public void read(ClusterSnapshot s) { }
    };
}
