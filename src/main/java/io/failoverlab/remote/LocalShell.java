package io.failoverlab.remote;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** This machine, through ProcessBuilder and bash; root and postgres through sudo when not root (see {@link Sudo}). */
public final class LocalShell implements Shell {
    private static final Duration SUDO_CHECK = Duration.ofSeconds(30);
    private volatile Boolean root;
    private final Sudo sudo;

    public LocalShell() {
        this(SudoChannel.session().forMachine(null, System.getProperty("user.name")));
    }

    public LocalShell(Sudo sudo) {
        this.sudo = sudo;
    }

    @Override
    public CommandResult run(Command command) throws IOException {
        return sudo.run(command.runAs(), loginIsRoot(), command.script(),
                (line, in) -> exec(line, in, command.timeout(), command.listener()),
                (line, in) -> exec(line, in, SUDO_CHECK, OutputListener.NONE));
    }

    /** argv started as root and left running, its input after the mark line its own (see {@link Sudo#startAsRoot}). */
    public Process startAsRoot(List<String> argv, String mark) throws IOException {
        return sudo.startAsRoot(argv, mark, (line, in) -> exec(line, in, SUDO_CHECK, OutputListener.NONE));
    }

    private CommandResult exec(String line, byte[] in, Duration timeout, OutputListener listener) throws IOException {
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", line);
        pb.environment().put("LC_ALL", "C.UTF-8");
        long start = System.nanoTime();
        Process p = pb.start();
        try (var stdin = p.getOutputStream()) {
            stdin.write(in);
        } catch (IOException exitedBeforeReading) {
            // e.g. runuser refused: the exit code and stderr below say why
        }
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        Thread to = pump(p.getInputStream(), out, OutputListener.Stream.STDOUT, listener);
        Thread te = pump(p.getErrorStream(), err, OutputListener.Stream.STDERR, listener);
        boolean finished;
        try {
            finished = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                // Kill the whole tree: runuser/bash children would otherwise keep running.
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(5, TimeUnit.SECONDS);
            }
            to.join(5000);
            te.join(5000);
        } catch (InterruptedException e) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while running a command on this machine.", e);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        synchronized (out) {
            synchronized (err) {
                return new CommandResult(finished ? p.exitValue() : -1, out.toString(), err.toString(), took, !finished);
            }
        }
    }

    static Thread pump(InputStream in, StringBuilder sink, OutputListener.Stream stream, OutputListener listener) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String l;
                while ((l = r.readLine()) != null) {
                    synchronized (sink) {
                        sink.append(l).append('\n');
                    }
                    try {
                        listener.line(stream, l);
                    } catch (RuntimeException ignored) {
                        // a faulty listener must not stop the command's output from being read
                    }
                }
            } catch (IOException ignored) {
                // stream closed when the process was killed
            }
        }, "shell-" + stream.name().toLowerCase());
        t.setDaemon(true);
        t.start();
        return t;
    }

    @Override
    public void upload(byte[] content, String remotePath, String mode) throws IOException {
        check(Command.asRoot(uploadScript(content, remotePath, mode)).display("write " + remotePath));
    }

    /** A script that writes the content through a temp file and a move, so readers never see half a file. */
    public static String uploadScript(byte[] content, String remotePath, String mode) {
        String b64 = Base64.getEncoder().encodeToString(content);
        String q = ShellQuote.quote(remotePath);
        String tmp = ShellQuote.quote(remotePath + ".tmp" + System.nanoTime());
        return "set -e\nmkdir -p \"$(dirname " + q + ")\"\n"
                + "umask 077\necho '" + b64 + "' | base64 -d > " + tmp + "\n"
                + "chmod " + mode + " " + tmp + "\nmv -f " + tmp + " " + q + "\n";
    }

    @Override
    public PortForward forward(String remoteHost, int remotePort) {
        return PortForward.direct(remotePort);
    }

    @Override
    public String describe() { return "this machine"; }

    @Override
    public boolean loginIsRoot() {
        if (root == null) {
            root = "root".equals(System.getProperty("user.name"));
        }
        return root;
    }

    @Override
    public void close() { }
}
