package io.failoverlab.pgaf;

import io.failoverlab.remote.Shell;

import java.io.IOException;

/**
 * Starts and stops the `pg_autoctl run` of one instance: a systemd unit per instance where
 * systemd runs, otherwise a detached process with a pid file.
 */
public interface KeeperControl {
    void start(Shell shell, InstancePaths paths, String unitName) throws IOException;

    /** Stops pg_autoctl and its Postgres; returns once both are gone. */
    void stop(Shell shell, InstancePaths paths, String unitName) throws IOException;

    boolean isRunning(Shell shell, InstancePaths paths, String unitName) throws IOException;

    /** "systemd" or "detached". */
    String kind();
}
