package io.failoverlab.cloud.machines;

import io.failoverlab.lab.LabException;
import io.failoverlab.lab.Msg;

import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Root's work done by this very process: the app when it runs as root, or the root helper. */
final class DirectRoot implements RootAccess {
    private static final Map<Path, Semaphore> LOCKS = new ConcurrentHashMap<>();

    @Override
    public Outcome exec(Duration timeout, Consumer<String> lines, List<String> argv) {
        Process p;
        try {
            p = new ProcessBuilder(argv).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        } catch (IOException e) {
            throw new LabException(Msg.of("root.cannotRun", argv.get(0), e.getMessage()));
        }
        StringBuilder out = new StringBuilder();
        Thread reader = new Thread(() -> {
            try (var r = p.inputReader(StandardCharsets.UTF_8)) {
                String l;
                while ((l = r.readLine()) != null) {
                    synchronized (out) {
                        out.append(l).append('\n');
                    }
                    if (lines != null) lines.accept(l);
                }
            } catch (IOException ignored) {
                // the process was killed
            }
        }, "root-command");
        reader.setDaemon(true);
        reader.start();
        try {
            boolean finished = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
            reader.join(5000);
            synchronized (out) {
                return new Outcome(finished ? p.exitValue() : -1, !finished, out.toString());
            }
        } catch (InterruptedException e) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new LabException(Msg.of("root.interrupted", argv.get(0)));
        }
    }

    @Override
    public void write(Path f, byte[] bytes, String mode) {
        try {
            Files.createDirectories(f.getParent());
            Files.write(f, bytes);
            Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(mode));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + f + ".", e);
        }
    }

    @Override
    public void mkdirs(Path d) {
        try {
            Files.createDirectories(d);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot make the folder " + d + ".", e);
        }
    }

    @Override
    public void chmod(Path f, String mode) {
        try {
            Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(mode));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot change the mode of " + f + ".", e);
        }
    }

    @Override
    public void move(Path from, Path to) {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot rename " + from + " to " + to + ".", e);
        }
    }

    @Override
    public void copy(Path from, Path to) {
        try {
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy " + from + " to " + to + ".", e);
        }
    }

    @Override
    public void delete(Path f) {
        try {
            Files.deleteIfExists(f);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + f + ".", e);
        }
    }

    @Override
    public void startDetached(List<String> argv, Path log) {
        List<String> full = new ArrayList<>(List.of("setsid"));
        full.addAll(argv);
        try {
            new ProcessBuilder(full).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new LabException(Msg.of("root.cannotRun", argv.get(0), e.getMessage()));
        }
    }

    @Override
    public boolean signal(long pid, boolean force) {
        return ProcessHandle.of(pid).map(p -> force ? p.destroyForcibly() : p.destroy()).orElse(false);
    }

    /**
     * A file lock keeps other processes out; within this one, a file lock cannot be taken twice
     * (the JVM throws), so threads queue on a semaphore first. A semaphore, not a ReentrantLock: the
     * root helper may release from another thread than the one that locked.
     */
    @Override
    public Closeable lock(Path f) {
        Semaphore inProcess = LOCKS.computeIfAbsent(f.toAbsolutePath().normalize(), k -> new Semaphore(1));
        try {
            inProcess.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabException(Msg.of("root.interrupted", "lock " + f));
        }
        try {
            Files.createDirectories(f.getParent());
            FileChannel ch = FileChannel.open(f, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                FileLock held = ch.lock();
                return () -> {
                    try {
                        held.release();
                        ch.close();
                    } finally {
                        inProcess.release();
                    }
                };
            } catch (IOException | RuntimeException e) {
                ch.close();
                throw e;
            }
        } catch (IOException e) {
            inProcess.release();
            throw new UncheckedIOException("Cannot lock " + f + ".", e);
        } catch (RuntimeException e) {
            inProcess.release();
            throw e;
        }
    }
}
