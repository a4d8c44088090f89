package io.failoverlab.testing;

import io.failoverlab.remote.KeyPairs;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real OpenSSH server on a free loopback port with throwaway host and client keys in a temp
 * folder, so the SSH path is tested for real, host-key checks included. Needs root (it lets root
 * log in with the client key) and openssh-server (installed by prepare-test-host.sh).
 */
public final class Sshd implements AutoCloseable {
    private final Path dir;
    private final Path hostKey;
    private final Path clientKey;
    private final int port;
    /** Network namespace sshd runs in (null: this one), and the address it listens on. */
    private final String netns;
    private final String address;
    private Process process;

    private Sshd(Path dir, int port) { this(dir, null, "127.0.0.1", port); }

    private Sshd(Path dir, String netns, String address, int port) {
        this.dir = dir;
        this.netns = netns;
        this.address = address;
        this.port = port;
        this.hostKey = dir.resolve("ssh_host_ed25519_key");
        this.clientKey = dir.resolve("client_ed25519");
    }

    public static Sshd start() throws IOException {
        return start(new Sshd(Files.createTempDirectory("failover-lab-sshd"), freePort()));
    }

    /**
     * A server inside network namespace {@code netns} (started with {@code ip netns exec}, which
     * execs sshd itself, so the process we hold is sshd), listening on address:22 there. Every
     * command run over it, and every process those start (pg_autoctl, postgres), lives in that
     * namespace. The caller must make address reachable from here.
     */
    public static Sshd startIn(String netns, String address) throws IOException {
        return start(new Sshd(Files.createTempDirectory("failover-lab-sshd-" + netns), netns, address, 22));
    }

    private static Sshd start(Sshd s) throws IOException {
        try {
            String pub = KeyPairs.generateEd25519(s.clientKey, "failover-lab-test");
            Files.writeString(s.dir.resolve("authorized_keys"), pub + "\n");
            s.newHostKey();
            s.writeConfig();
            s.launch();
            return s;
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    public int port() { return port; }
    public String host() { return address; }

    /** PID of the running sshd (ours), or -1. */
    public long pid() { return process == null ? -1 : process.pid(); }
    public String user() { return System.getProperty("user.name"); }
    public Path clientKey() { return clientKey; }
    public Path dir() { return dir; }

    /** Lets one more public key log in (a line as in authorized_keys). */
    public void authorize(String publicKeyLine) throws IOException {
        Files.writeString(dir.resolve("authorized_keys"), publicKeyLine.strip() + "\n", java.nio.file.StandardOpenOption.APPEND);
    }

    /** OpenSSH's SHA256 fingerprint of the current host key, from ssh-keygen -l. */
    public String hostKeyFingerprint() throws IOException {
        String out = run("ssh-keygen", "-l", "-E", "sha256", "-f", hostKey + ".pub");
        return out.split("\\s+")[1];
    }

    /** Stops the server, makes a new host key, and starts again on the same port: a "rebuilt machine". */
    public void regenerateHostKey() throws IOException {
        stop();
        newHostKey();
        launch();
    }

    /** Stops the server (its folder and keys stay), e.g. when the host it stands for is powered off. */
    public void halt() { stop(); }

    /** Starts the stopped server again with the same keys and port. */
    public void resume() throws IOException {
        if (process == null || !process.isAlive()) launch();
    }

    /** The host key as an OpenSSH public key line ("ssh-ed25519 AAAA… comment"). */
    public String hostPublicKey() throws IOException {
        return Files.readString(Path.of(hostKey + ".pub")).strip();
    }

    private void newHostKey() throws IOException {
        Files.deleteIfExists(hostKey);
        Files.deleteIfExists(Path.of(hostKey + ".pub"));
        run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "failover-lab-test-host", "-f", hostKey.toString());
    }

    private void writeConfig() throws IOException {
        String cfg = String.join("\n",
                "ListenAddress " + address,
                "Port " + port,
                "HostKey " + hostKey,
                "PidFile " + dir.resolve("sshd.pid"),
                "AuthorizedKeysFile " + dir.resolve("authorized_keys"),
                "StrictModes no",
                "PermitRootLogin prohibit-password",
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "UsePAM no",
                "AllowTcpForwarding yes",
                "MaxSessions 20",
                "Subsystem sftp internal-sftp",
                "LogLevel VERBOSE",
                "");
        Files.writeString(dir.resolve("sshd_config"), cfg);
    }

    private void launch() throws IOException {
        Files.createDirectories(Path.of("/run/sshd")); // privilege separation dir; no systemd here makes it
        java.util.List<String> argv = new java.util.ArrayList<>();
        if (netns != null) argv.addAll(java.util.List.of("ip", "netns", "exec", netns));
        argv.addAll(java.util.List.of("/usr/sbin/sshd", "-D", "-e", "-f", dir.resolve("sshd_config").toString()));
        ProcessBuilder pb = new ProcessBuilder(argv);
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("sshd.log").toFile()));
        process = pb.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("sshd exited with " + process.exitValue() + ": " + log());
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(address, port), 500);
                return;
            } catch (IOException notYet) {
                sleep(50);
            }
        }
        throw new IOException("sshd did not accept connections on " + address + ":" + port + " within 20 s: " + log());
    }

    public String log() {
        try {
            return Files.readString(dir.resolve("sshd.log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log)";
        }
    }

    /** Stops this server's own process by its PID (-D keeps it in the foreground, so that is sshd itself). */
    private void stop() {
        if (process == null) return;
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    @Override
    public void close() {
        stop();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp folder left behind is harmless
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static String run(String... argv) throws IOException {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) throw new IOException(String.join(" ", argv) + " failed: " + out);
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
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
