package io.failoverlab.cloud.machines;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.failoverlab.lab.LabException;
import io.failoverlab.lab.Msg;
import io.failoverlab.remote.LocalShell;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The app's end of the root helper ({@link RootHelper}): starts it once through sudo (the sudo
 * channel asks the face for the password, once per session), then sends it root's work as JSON lines
 * and waits for each answer. Several threads may use it at once; answers are matched by id.
 */
final class RootHelperClient implements RootAccess {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration STARTUP = Duration.ofSeconds(60);
    private static final JsonNode GONE = JSON.createObjectNode().put("gone", true);
    private final Process process;
    private final OutputStream to;
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, BlockingQueue<JsonNode>> waiting = new ConcurrentHashMap<>();
    private final Deque<String> stderrTail = new ArrayDeque<>();

    private RootHelperClient(Process process) {
        this.process = process;
        this.to = process.getOutputStream();
    }

    /** Starts the helper as root (asking for sudo's password when sudo wants one) and waits until it is ready. */
    static RootHelperClient start() {
        Process p;
        try {
            p = new LocalShell().startAsRoot(command(), RootHelper.MARK);
        } catch (IOException e) {
            throw new LabException(Msg.of("root.cannotRun", "sudo", e.getMessage()));
        }
        return connect(p);
    }

    /**
     * This runtime's java running RootHelper from this app's own classpath, small and quick to
     * start, with umask 022 whatever the login's (sudo keeps a stricter one): the app reads what
     * root's side writes (pid files, consoles, network.json).
     */
    static List<String> command() {
        return List.of("/bin/sh", "-c", "umask 022 && exec \"$0\" \"$@\"", javaExecutable(), "-Xmx64m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Djava.awt.headless=true", "-cp", classpath(), RootHelper.class.getName());
    }

    /** Waits for a started helper (its input already past the mark line) to say it is ready. */
    static RootHelperClient connect(Process p) {
        RootHelperClient c = new RootHelperClient(p);
        c.readStderr();
        BufferedReader from = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String first = firstLine(from, p);
        if (first == null || !first.contains("\"ready\"")) {
            p.destroyForcibly();
            throw new LabException(Msg.of("sudo.failed", Msg.of("sudo.thisComputer"), c.lastError()));
        }
        c.dispatch(from);
        return c;
    }

    boolean alive() { return process.isAlive(); }

    @Override
    public Outcome exec(Duration timeout, Consumer<String> lines, List<String> argv) {
        ObjectNode req = request("exec").put("timeoutMs", timeout.toMillis());
        argv.forEach(req.putArray("argv")::add);
        StringBuilder out = new StringBuilder();
        JsonNode done = call(req, argv.get(0), line -> {
            out.append(line).append('\n');
            if (lines != null) lines.accept(line);
        });
        return new Outcome(done.path("exit").asInt(), done.path("timedOut").asBoolean(), out.toString());
    }

    @Override
    public void write(Path f, byte[] bytes, String mode) {
        call(request("write").put("path", f.toString()).put("data", Base64.getEncoder().encodeToString(bytes)).put("mode", mode), "write", null);
    }

    @Override
    public void mkdirs(Path d) { call(request("mkdirs").put("path", d.toString()), "mkdir", null); }

    @Override
    public void chmod(Path f, String mode) { call(request("chmod").put("path", f.toString()).put("mode", mode), "chmod", null); }

    @Override
    public void move(Path from, Path to) { call(request("move").put("from", from.toString()).put("to", to.toString()), "mv", null); }

    @Override
    public void copy(Path from, Path to) { call(request("copy").put("from", from.toString()).put("to", to.toString()), "cp", null); }

    @Override
    public void delete(Path f) { call(request("delete").put("path", f.toString()), "rm", null); }

    @Override
    public void startDetached(List<String> argv, Path log) {
        ObjectNode req = request("startDetached").put("log", log.toString());
        argv.forEach(req.putArray("argv")::add);
        call(req, argv.get(0), null);
    }

    @Override
    public boolean signal(long pid, boolean force) {
        return call(request("signal").put("pid", pid).put("force", force), "kill", null).path("result").asBoolean();
    }

    @Override
    public Closeable lock(Path f) {
        ObjectNode req = request("lock").put("path", f.toString());
        long id = req.path("id").asLong();
        call(req, "lock", null);
        return () -> call(request("unlock").put("lock", id), "unlock", null);
    }

    private ObjectNode request(String op) { return JSON.createObjectNode().put("id", ids.incrementAndGet()).put("op", op); }

    /** Sends one request and waits for its answer, handing output lines on; a failure there is thrown here as it would have been there. */
    private JsonNode call(ObjectNode req, String what, Consumer<String> lines) {
        long id = req.path("id").asLong();
        BlockingQueue<JsonNode> answers = new LinkedBlockingQueue<>();
        waiting.put(id, answers);
        try {
            send(req);
            while (true) {
                JsonNode a = answers.take();
                if (a == GONE) throw new LabException(Msg.of("root.cannotRun", what, "the root helper ended: " + lastError()));
                if (a.has("line")) {
                    if (lines != null) lines.accept(a.path("line").asText());
                    continue;
                }
                if (a.has("error")) {
                    if (a.path("io").asBoolean()) throw new UncheckedIOException(a.path("error").asText(), new IOException(a.path("cause").asText()));
                    throw new LabException(a.path("error").asText());
                }
                return a;
            }
        } catch (InterruptedException e) {
            // the helper stops that command's processes too
            send(request("cancel").put("target", id));
            Thread.currentThread().interrupt();
            throw new LabException(Msg.of("root.interrupted", what));
        } finally {
            waiting.remove(id);
        }
    }

    private void send(ObjectNode req) {
        try {
            byte[] line = (JSON.writeValueAsString(req) + "\n").getBytes(StandardCharsets.UTF_8);
            synchronized (to) {
                to.write(line);
                to.flush();
            }
        } catch (IOException e) {
            throw new LabException(Msg.of("root.cannotRun", req.path("op").asText(), "the root helper ended: " + lastError()));
        }
    }

    /** Hands each answer to whoever waits for its id; when the helper ends, every waiter hears so. */
    private void dispatch(BufferedReader from) {
        Thread t = new Thread(() -> {
            try {
                String l;
                while ((l = from.readLine()) != null) {
                    JsonNode a = JSON.readTree(l);
                    BlockingQueue<JsonNode> q = waiting.get(a.path("id").asLong());
                    if (q != null) q.add(a);
                }
            } catch (IOException ended) {
                // the helper ended
            }
            waiting.values().forEach(q -> q.add(GONE));
        }, "root-helper-answers");
        t.setDaemon(true);
        t.start();
    }

    /** sudo's and the helper's own complaints: the last few lines, for a failure's sentence. */
    private void readStderr() {
        Thread t = new Thread(() -> {
            try (BufferedReader r = process.errorReader(StandardCharsets.UTF_8)) {
                String l;
                while ((l = r.readLine()) != null) {
                    synchronized (stderrTail) {
                        stderrTail.addLast(l);
                        if (stderrTail.size() > 5) stderrTail.removeFirst();
                    }
                }
            } catch (IOException ended) {
                // the helper ended
            }
        }, "root-helper-stderr");
        t.setDaemon(true);
        t.start();
    }

    private String lastError() {
        try {
            process.waitFor(200, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (stderrTail) {
            return stderrTail.isEmpty() ? "(no output)" : stderrTail.getLast().strip();
        }
    }

    /** The helper's first line, or null when it ended or said nothing within STARTUP. */
    private static String firstLine(BufferedReader from, Process p) {
        BlockingQueue<String> first = new LinkedBlockingQueue<>();
        Thread t = new Thread(() -> {
            try {
                String l = from.readLine();
                first.add(l == null ? "" : l);
            } catch (IOException e) {
                first.add("");
            }
        }, "root-helper-ready");
        t.setDaemon(true);
        t.start();
        try {
            String l = first.poll(STARTUP.toMillis(), TimeUnit.MILLISECONDS);
            return l == null || l.isEmpty() ? null : l;
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new LabException(Msg.of("root.interrupted", "sudo"));
        }
    }

    /** The runtime's own java (in the .deb too: its jlinked runtime keeps bin/java; the app's launcher is not java). */
    private static String javaExecutable() { return Path.of(System.getProperty("java.home"), "bin", "java").toString(); }

    /** This app's own classes and libraries, as absolute paths (sudo keeps the folder, but not always). */
    private static String classpath() {
        List<String> out = new ArrayList<>();
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!e.isBlank()) out.add(Path.of(e).toAbsolutePath().toString());
        }
        return String.join(File.pathSeparator, out);
    }
}
