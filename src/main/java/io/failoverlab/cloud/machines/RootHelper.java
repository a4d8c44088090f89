package io.failoverlab.cloud.machines;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.failoverlab.lab.LabException;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The machines' root helper: the one process of a session that runs as root when the app does not
 * (docs/architecture.md, "Secrets"). Started by {@link RootHelperClient} through sudo; skips its
 * input up to the mark line (sudo's password, had sudo not read it, is never looked at), says it is
 * ready, then does each request of one JSON line on stdin with {@link DirectRoot}, each in its own
 * thread, and answers JSON lines on stdout tagged with the request's id. Ends when stdin ends (the
 * app has gone); what it started detached (the machines, the apt proxy) keeps running.
 */
public final class RootHelper {
    static final String MARK = "#failover-lab-root-helper";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final DirectRoot root = new DirectRoot();
    private final PrintStream out;
    private final Map<Long, Thread> working = new ConcurrentHashMap<>();
    private final Map<Long, Closeable> locks = new ConcurrentHashMap<>();

    private RootHelper(PrintStream out) { this.out = out; }

    public static void main(String[] args) throws IOException {
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        System.setOut(new PrintStream(System.err, true, StandardCharsets.UTF_8)); // nothing but answers on the channel
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        do {
            line = in.readLine();
            if (line == null) return;
        } while (!line.equals(MARK));
        RootHelper h = new RootHelper(out);
        h.send(JSON.createObjectNode().put("ready", true).put("pid", ProcessHandle.current().pid()));
        while ((line = in.readLine()) != null) {
            if (line.isBlank()) continue;
            JsonNode req = JSON.readTree(line);
            long id = req.path("id").asLong();
            Thread t = new Thread(() -> h.serve(id, req), "root-helper-" + id);
            t.setDaemon(true);
            h.working.put(id, t);
            t.start();
        }
        System.exit(0);
    }

    private void serve(long id, JsonNode req) {
        ObjectNode done = JSON.createObjectNode().put("id", id).put("done", true);
        try {
            switch (req.path("op").asText()) {
                case "exec" -> {
                    RootAccess.Outcome o = root.exec(Duration.ofMillis(req.path("timeoutMs").asLong()),
                            l -> send(JSON.createObjectNode().put("id", id).put("line", l)), strings(req.path("argv")));
                    done.put("exit", o.exit()).put("timedOut", o.timedOut());
                }
                case "write" -> root.write(path(req, "path"), Base64.getDecoder().decode(req.path("data").asText()), req.path("mode").asText());
                case "mkdirs" -> root.mkdirs(path(req, "path"));
                case "chmod" -> root.chmod(path(req, "path"), req.path("mode").asText());
                case "move" -> root.move(path(req, "from"), path(req, "to"));
                case "copy" -> root.copy(path(req, "from"), path(req, "to"));
                case "delete" -> root.delete(path(req, "path"));
                case "startDetached" -> root.startDetached(strings(req.path("argv")), path(req, "log"));
                case "signal" -> done.put("result", root.signal(req.path("pid").asLong(), req.path("force").asBoolean()));
                case "lock" -> locks.put(id, root.lock(path(req, "path")));
                case "unlock" -> {
                    Closeable l = locks.remove(req.path("lock").asLong());
                    if (l != null) l.close();
                }
                case "cancel" -> {
                    Thread t = working.get(req.path("target").asLong());
                    if (t != null) t.interrupt();
                }
                default -> throw new IllegalArgumentException("unknown request " + req.path("op").asText());
            }
        } catch (UncheckedIOException e) {
            done.put("error", e.getMessage()).put("io", true).put("cause", String.valueOf(e.getCause().getMessage()));
        } catch (IOException e) {
            done.put("error", e.getMessage()).put("io", true).put("cause", e.getMessage());
        } catch (RuntimeException e) {
            // every request gets its answer, or its caller would wait for ever
            done.put("error", e instanceof LabException ? e.getMessage() : e.toString());
        } finally {
            working.remove(id);
        }
        send(done);
    }

    private static Path path(JsonNode req, String field) { return Path.of(req.path(field).asText()); }

    private static List<String> strings(JsonNode array) {
        List<String> l = new ArrayList<>();
        array.forEach(n -> l.add(n.asText()));
        return l;
    }

    private void send(ObjectNode answer) {
        try {
            String line = JSON.writeValueAsString(answer);
            synchronized (out) {
                out.print(line);
                out.print('\n');
                out.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
