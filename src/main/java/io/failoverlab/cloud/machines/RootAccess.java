package io.failoverlab.cloud.machines;

import java.io.Closeable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * The root work of the machines package, one way or the other: done in this process when the app
 * is root ({@link DirectRoot}), else handed to the one root helper started through sudo
 * ({@link RootHelperClient}). Same answers and same failures either way.
 */
interface RootAccess {
    /** What a command did: its exit code (-1 when it timed out) and its output, stdout and stderr merged. */
    record Outcome(int exit, boolean timedOut, String output) { }

    Outcome exec(Duration timeout, Consumer<String> lines, List<String> argv);

    void write(Path f, byte[] bytes, String mode);

    void mkdirs(Path d);

    void chmod(Path f, String mode);

    void move(Path from, Path to);

    void copy(Path from, Path to);

    void delete(Path f);

    void startDetached(List<String> argv, Path log);

    boolean signal(long pid, boolean force);

    /** An exclusive lock on a file (made if missing) until closed; waits for another holder. */
    Closeable lock(Path f);
}
