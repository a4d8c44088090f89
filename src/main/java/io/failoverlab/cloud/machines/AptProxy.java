package io.failoverlab.cloud.machines;

import io.failoverlab.lab.LabException;
import io.failoverlab.lab.Msg;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * How the machines reach Debian's archive and nothing else: apt-cacher-ng on this computer's end of
 * the lab bridge, fetching from the archive this computer's own apt uses (a private backends_debian:
 * the package's default names a mirror that may not resolve). Its cache is shared by every lab, so a
 * second machine or a second run installs from it. Stopped by its pid file, never by name.
 */
public final class AptProxy {
    public static final int PORT = 3142;
    private final Path dir;
    private final Path cache;
    private final String mirror;

    /** @param dir the lab's folder for the proxy's config, log and pid; cache the shared package cache */
    public AptProxy(Path dir, Path cache, String mirror) {
        this.dir = dir;
        this.cache = cache;
        this.mirror = mirror.endsWith("/") ? mirror : mirror + "/";
    }

    /** The line a machine's /etc/apt/apt.conf.d/01proxy holds. */
    public static String aptConf(String address) {
        return "Acquire::http::Proxy \"http://" + address + ":" + PORT + "\";\n";
    }

    public void ensureRunning(String address) {
        if (pid().isPresent() && answers(address)) return;
        Path exe = RootCommands.which("apt-cacher-ng");
        if (exe == null) {
            throw new LabException(Msg.of("machines.noAptCacher"));
        }
        Path conf = dir.resolve("conf");
        RootCommands.mkdirs(conf);
        RootCommands.mkdirs(dir.resolve("log"));
        RootCommands.mkdirs(cache);
        Path etc = Path.of("/etc/apt-cacher-ng");
        if (Files.isDirectory(etc)) {
            try (var files = Files.list(etc)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    if (Files.isRegularFile(f)) RootCommands.copy(f, conf.resolve(f.getFileName()));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot set up the apt proxy in " + dir + ".", e);
            }
        }
        RootCommands.write(conf.resolve("backends_debian"), mirror + "\n", "rw-r--r--");
        RootCommands.delete(pidFile());
        RootCommands.run(Duration.ofSeconds(30), exe.toString(), "-c", conf.toString(), "ForeGround=0",
                "CacheDir=" + cache, "LogDir=" + dir.resolve("log"), "Port=" + PORT, "BindAddress=" + address,
                "PidFile=" + pidFile());
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!answers(address)) {
            if (System.nanoTime() > deadline) {
                throw new LabException(Msg.of("machines.aptProxyDown", address + ":" + PORT, dir.resolve("log")));
            }
            sleep(100);
        }
    }

    public void stop() {
        pid().flatMap(ProcessHandle::of).ifPresent(p -> {
            RootCommands.signal(p.pid(), false);
            try {
                p.onExit().get(5, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception slow) {
                RootCommands.signal(p.pid(), true);
            }
        });
        try {
            RootCommands.delete(pidFile());
        } catch (UncheckedIOException ignored) {
            // gone with the lab's folder
        }
    }

    private Path pidFile() { return dir.resolve("apt-cacher-ng.pid"); }

    Optional<Long> pid() {
        try {
            String s = Files.readString(pidFile()).strip();
            long pid = Long.parseLong(s);
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(p -> pid);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean answers(String address) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(address, PORT), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
