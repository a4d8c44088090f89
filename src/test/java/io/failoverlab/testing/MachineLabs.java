package io.failoverlab.testing;

import io.failoverlab.cli.Cli;
import io.failoverlab.lab.LabProfiles;
import io.failoverlab.lab.LabSpec;
import io.failoverlab.lab.MachinesSettings;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A lab of machines on this computer for a test: its own state folder (machines, network) and
 * config folder (keys, known_hosts, secrets) under a temp root; the Debian images and the apt
 * cache are the shared ones, so a second run boots from cache. Verbs run through the CLI.
 */
public final class MachineLabs {
    public final Path root;
    public final Path labFile;
    public final Path config;
    public final LabSpec lab;

    public MachineLabs(String name, String debian, String layout) throws IOException {
        this(TestLabs.tempRoot("failoverlab-machines-"), name, debian, layout);
    }

    /** The same in a folder of the caller's (e.g. one the password-sudo login owns). */
    public MachineLabs(Path root, String name, String debian, String layout) throws IOException {
        this.root = root;
        labFile = root.resolve("lab.json");
        config = root.resolve("config");
        lab = new LabSpec();
        lab.name = name;
        lab.provider = "machines";
        lab.machines = new MachinesSettings();
        lab.machines.debian = debian;
        lab.machines.layout = io.failoverlab.lab.Layout.parse(layout);
        lab.machines.stateDir = root.resolve("state").toString();
        lab.withDefaults();
        LabProfiles.save(lab, labFile);
    }

    /** The profile as the CLI left it (hosts filled in by provisioning). */
    public LabSpec reload() { return LabProfiles.load(labFile); }

    public record Run(int code, String out, String err) {
        public String all() { return out + err; }
    }

    /** java -jar … VERB ARGS --lab FILE --config-dir DIR, in this JVM. */
    public Run cli(String... verbAndArgs) {
        List<String> a = new ArrayList<>(List.of(verbAndArgs));
        a.addAll(List.of("--lab", labFile.toString(), "--config-dir", config.toString()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.run(a.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** What this lab left on this computer: machine processes, namespaces, its bridge, mounts under its root. */
    public List<String> leftovers() throws IOException {
        List<String> left = new ArrayList<>();
        String state = root.resolve("state").toString();
        for (String l : sh("pgrep", "-a", "-f", "systemd-nspawn").split("\n")) if (l.contains(state)) left.add("process: " + l);
        for (String l : sh("pgrep", "-a", "-f", "apt-cacher-ng").split("\n")) if (l.contains(state)) left.add("process: " + l);
        for (String l : Files.readAllLines(Path.of("/proc/mounts"))) if (l.contains(state)) left.add("mount: " + l);
        if (Files.isDirectory(root.resolve("state"))) {
            try (var s = Files.list(root.resolve("state"))) {
                s.forEach(p -> left.add("state folder: " + p));
            }
        }
        return left;
    }

    /** Namespaces and links whose names carry one of these lab tags. */
    public static List<String> netLeftovers(String tag) throws IOException {
        List<String> left = new ArrayList<>();
        for (String l : sh("ip", "netns", "list").split("\n")) if (l.startsWith("flm" + tag)) left.add("netns: " + l);
        for (String l : sh("ip", "-o", "link", "show").split("\n")) if (l.contains("flm" + tag)) left.add("link: " + l);
        return left;
    }

    public static String sh(String... argv) throws IOException {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(60, TimeUnit.SECONDS);
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static final Pattern DISK_MB = Pattern.compile("disk (\\d+) MB per machine");

    /**
     * Every phase of `up` from its printed steps: the provision step's own phases (image, network,
     * baking the package image, disks, boot, SSH), then preflight, install (the packages), monitor, each node and verify.
     */
    public static String upPhases(String upOut) { return UpPhases.of(upOut); }

    /** The megabytes of the largest machine's own disk (its layer), as `up` printed them; -1 when absent. */
    public static long diskMegabytes(String upOut) {
        Matcher d = DISK_MB.matcher(upOut);
        return d.find() ? Long.parseLong(d.group(1)) : -1;
    }

    /** The overlay mounts of this computer whose mount point is under this lab's state folder. */
    public List<String> overlayMounts() throws IOException {
        String state = root.resolve("state").toString();
        return Files.readAllLines(Path.of("/proc/self/mountinfo")).stream()
                .filter(l -> l.contains(" - overlay ") && l.split(" ")[4].startsWith(state)).toList();
    }

    /** The lab's network tag (network.json), once provisioned. */
    public String tag() throws IOException {
        Path f = root.resolve("state").resolve(lab.labId()).resolve("network.json");
        return LabProfiles.JSON.readTree(Files.readString(f)).path("tag").asText();
    }

    /** Best effort: destroys the lab (also when a test failed half way) and deletes the temp root. */
    public void close() {
        try {
            cli("down", "--destroy");
        } finally {
            TestLabs.deleteTree(root);
        }
    }
}
