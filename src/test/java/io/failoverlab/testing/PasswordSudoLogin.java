package io.failoverlab.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The login with password sudo that src/test/scripts/prepare-test-host.sh makes (a student's
 * laptop, issue 23): its name, its password (kept in target/, never in an argument or environment)
 * and a way to start this app's classes as that login. Its JVM gets a copy of the test classpath's
 * jars it can read (the Maven repository is root's own) and a bare environment.
 */
public final class PasswordSudoLogin {
    public static final String LOGIN = "fl-student";
    private static Path readableClasspath;

    private PasswordSudoLogin() { }

    /** The login's sudo password, as the set-up made it. */
    public static String password() {
        try {
            return Files.readString(Path.of("target", "sudo-test-password"), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("The test set-up (prepare-test-host.sh) made no sudo test password", e);
        }
    }

    /** A folder the login owns (its lab's data, config, journal). */
    public static Path ownedDir(String prefix) throws IOException, InterruptedException {
        Path d = Files.createTempDirectory(prefix);
        Files.setPosixFilePermissions(d, PosixFilePermissions.fromString("rwxr-xr-x"));
        run("chown", LOGIN + ":" + LOGIN, d.toString());
        return d;
    }

    /** The common options of a local lab on free ports whose data, config and journal are under dir. */
    public static List<String> localLab(Path dir) {
        return List.of("--data-dir", dir.resolve("data").toString(), "--monitor-port", String.valueOf(TestLabs.freePort()),
                "--node-ports", TestLabs.freePort() + "," + TestLabs.freePort(), "--config-dir", dir.resolve("config").toString());
    }

    /** Whatever a test left of that lab, taken down as root in this JVM, and dir removed. */
    public static void destroy(List<String> lab, Path dir) {
        List<String> down = new ArrayList<>(List.of("down", "--destroy"));
        down.addAll(lab);
        java.io.PrintStream none = new java.io.PrintStream(java.io.OutputStream.nullOutputStream());
        io.failoverlab.cli.Cli.run(down.toArray(String[]::new), none, none);
        TestLabs.deleteTree(dir);
    }

    /** runuser … java -cp CP mainClass args, with only HOME, PATH, LANG and the given extra variables (NAME=value). */
    /** What the app said as the login: its exit code, stdout and stderr together, and its seconds. */
    public record Run(int code, String out, double seconds) { }

    /**
     * The jar's Main as the login with these arguments (and env lines), stdin given (the caller adds
     * --sudo-password-stdin when it gives a password); its output is kept in outputs for the password scan.
     */
    public static Run cli(List<String> env, List<String> args, String stdin, List<String> outputs) throws Exception {
        ProcessBuilder pb = java(env, "io.failoverlab.Main", args).redirectErrorStream(true);
        long t0 = System.nanoTime();
        Process p = pb.start();
        try (var in = p.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.MINUTES)) p.destroyForcibly();
        outputs.add(out);
        System.out.println("--- " + args.get(0) + " as " + LOGIN + ":\n" + out);
        return new Run(p.exitValue(), out, (System.nanoTime() - t0) / 1e9);
    }

    public static ProcessBuilder java(List<String> env, String mainClass, List<String> args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("runuser", "-u", LOGIN, "--", "env", "-i", "HOME=/home/" + LOGIN,
                "PATH=/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin", "LANG=C.UTF-8", "USER=" + LOGIN));
        cmd.addAll(env);
        cmd.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classpath(), mainClass));
        cmd.addAll(args);
        return new ProcessBuilder(cmd);
    }

    /**
     * The same on a terminal of its own (script(1) gives it a pseudo-terminal), as a person types
     * into: what is written to the process's stdin arrives there as typed keys.
     */
    public static ProcessBuilder javaOnTerminal(String mainClass, List<String> args) throws IOException {
        List<String> inner = java(List.of(), mainClass, args).command();
        List<String> quoted = new ArrayList<>();
        for (String a : inner.subList(4, inner.size())) quoted.add("'" + a.replace("'", "'\\''") + "'");
        return new ProcessBuilder("runuser", "-u", LOGIN, "--", "script", "-qfec", String.join(" ", quoted), "/dev/null");
    }

    /** The test JVM's classpath with every jar copied where the login can read it (folders kept). */
    private static synchronized String classpath() throws IOException {
        if (readableClasspath == null) {
            Path dir = Files.createTempDirectory("failoverlab-sudo-cp");
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            readableClasspath = dir;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> TestLabs.deleteTree(dir), "delete-sudo-classpath"));
        }
        List<String> out = new ArrayList<>();
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        int i = 0;
        for (String e : cp.split(java.io.File.pathSeparator)) {
            Path p = Path.of(e).toAbsolutePath();
            if (Files.isDirectory(p)) {
                out.add(p.toString());
            } else if (Files.isRegularFile(p)) {
                Path copy = readableClasspath.resolve((i++) + "-" + p.getFileName());
                if (!Files.exists(copy)) Files.copy(p, copy);
                Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rw-r--r--"));
                out.add(copy.toString());
            }
        }
        return String.join(java.io.File.pathSeparator, out);
    }

    private static void run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).inheritIO().start();
        if (p.waitFor() != 0) throw new IOException(String.join(" ", cmd) + " failed");
    }
}
