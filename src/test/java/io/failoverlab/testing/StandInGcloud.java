package io.failoverlab.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * The stand-in gcloud (src/test/resources/gcloud-standin/gcloud) copied into a folder of its own,
 * made executable, with its standin.conf: the "VMs" it hands back are the given sshd. It never
 * runs the real gcloud; the provider is given this path as its gcloud executable.
 */
public final class StandInGcloud {
    private final Path dir;

    private StandInGcloud(Path dir) { this.dir = dir; }

    public static StandInGcloud install(Path dir, Sshd sshd, double latency, double createLatency) throws IOException {
        Files.createDirectories(dir);
        Path exe = dir.resolve("gcloud");
        try (InputStream in = StandInGcloud.class.getResourceAsStream("/gcloud-standin/gcloud")) {
            if (in == null) throw new IOException("the stand-in gcloud is not on the test class path");
            Files.write(exe, in.readAllBytes());
        }
        Files.setPosixFilePermissions(exe, PosixFilePermissions.fromString("rwxr-xr-x"));
        StandInGcloud g = new StandInGcloud(dir);
        g.conf(String.join("\n",
                "LATENCY=" + latency,
                "CREATE_LATENCY=" + createLatency,
                "NAT_IP=" + (sshd == null ? "127.0.0.1" : sshd.host()),
                "INTERNAL_IP=" + (sshd == null ? "127.0.0.1" : sshd.host()),
                "HOSTKEY_PUB=" + (sshd == null ? "" : sshd.dir().resolve("ssh_host_ed25519_key.pub")),
                "AUTHORIZED_KEYS=" + (sshd == null ? "" : sshd.dir().resolve("authorized_keys")),
                "DEFAULT_PROJECT=", ""));
        return g;
    }

    public String path() { return dir.resolve("gcloud").toString(); }

    public Path dir() { return dir; }

    public void conf(String text) throws IOException {
        Files.writeString(dir.resolve("standin.conf"), text);
    }

    public void addConf(String line) throws IOException {
        Files.writeString(dir.resolve("standin.conf"), Files.readString(dir.resolve("standin.conf")) + line + "\n");
    }

    /** The next calls of this command (e.g. "instances-create") answer with gcloud's text for the case. */
    public void failNext(String command, String errorCase) throws IOException {
        Files.writeString(dir.resolve("fail." + command), errorCase);
    }

    public void clearFailures() throws IOException {
        try (var s = Files.list(dir)) {
            for (Path p : s.filter(p -> p.getFileName().toString().startsWith("fail.")).toList()) Files.delete(p);
        }
    }

    /** One line per call: start ms, duration, exit code, arguments; REJECTED lines for refused ones. */
    public List<String> calls() throws IOException {
        Path log = dir.resolve("calls.log");
        return Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
    }

    public List<String> instances() throws IOException {
        try (var s = Files.list(dir.resolve("state/instances"))) {
            return s.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".tmp")).sorted().toList();
        } catch (java.nio.file.NoSuchFileException e) {
            return List.of();
        }
    }

    public List<String> firewallRules() throws IOException {
        try (var s = Files.list(dir.resolve("state/firewalls"))) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (java.nio.file.NoSuchFileException e) {
            return List.of();
        }
    }
}
