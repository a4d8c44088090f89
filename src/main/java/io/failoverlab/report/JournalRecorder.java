package io.failoverlab.report;

import io.failoverlab.lab.ClusterSnapshot;
import io.failoverlab.lab.HostSpec;
import io.failoverlab.lab.InstanceSpec;
import io.failoverlab.lab.LabSpec;
import io.failoverlab.lab.LogLine;
import io.failoverlab.lab.StepIds;
import io.failoverlab.lab.StepResult;
import io.failoverlab.report.JournalEntry.Type;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The lab's journal, fed by the engine (engine.JournalListener): every step's start and end, its commands and output
 * (secrets masked, output bounded per step), monitor events, the state before and after, the
 * operation's figures, and screenshots. Never lets a journal problem stop the lab: a failing
 * write is reported once and the journal goes quiet.
 */
public final class JournalRecorder implements AutoCloseable {
    public static final int MAX_LINES_PER_STEP = 400;
    public static final int MAX_CHARS_PER_STEP = 64_000;
    public static final int MAX_COMMANDS_PER_STEP = 200;

    /** A step has ended: screenshot time for the window. */
    public record Checkpoint(int id, String step, boolean ok) { }

    private static final class Open {
        final int id;
        final String name;
        int lines;
        int chars;
        int commands;
        int dropped;
        JournalState finalState;

        Open(int id, String name) {
            this.id = id;
            this.name = name;
        }
    }

    private final Journal journal;
    private final Secrets secrets;
    private final Deque<Open> open = new ArrayDeque<>();
    private final Map<String, Secrets.LineMasker> maskers = new HashMap<>();
    private final List<Consumer<Checkpoint>> checkpointHooks = new CopyOnWriteArrayList<>();
    private final AtomicInteger shots = new AtomicInteger();
    private volatile Supplier<ClusterSnapshot> stateProbe;
    private volatile Consumer<String> problems = s -> { };
    private int nextId;
    private JournalState lastState;
    private String lastSignature;
    private volatile boolean broken;
    /** Written just before the session's first entry, so a verb that records nothing leaves no trace. */
    private JournalEntry pendingSession;

    public JournalRecorder(Journal journal, Secrets secrets) {
        this.journal = journal;
        this.secrets = secrets;
        try {
            int max = 0;
            int shotCount = 0;
            for (JournalEntry e : journal.read()) {
                if (e.id() != null) max = Math.max(max, e.id());
                if (e.kind() == Type.SHOT) shotCount++;
            }
            nextId = max;
            shots.set(shotCount);
        } catch (IOException e) {
            nextId = 0;
        }
    }

    /** The lab's journal in CONFIG/journals/&lt;lab&gt;, masking the environment's secrets; records the lab. */
    public static JournalRecorder open(Path configDir, LabSpec lab) {
        JournalRecorder r = new JournalRecorder(new Journal(Journal.dirFor(configDir, lab.name)), Secrets.fromEnvironment(System.getenv()));
        r.session(lab);
        return r;
    }

    public Journal journal() { return journal; }

    public Secrets secrets() { return secrets; }

    /** Read the monitor's view after each step (called on the engine's thread, never the FX thread). */
    public JournalRecorder stateProbe(Supplier<ClusterSnapshot> probe) {
        this.stateProbe = probe;
        return this;
    }

    /** Told once when the journal cannot be written (the lab goes on). */
    public JournalRecorder onProblem(Consumer<String> p) {
        this.problems = p == null ? s -> { } : p;
        return this;
    }

    public JournalRecorder onCheckpoint(Consumer<Checkpoint> hook) {
        checkpointHooks.add(hook);
        return this;
    }

    /** A session starts: what the lab is (no secrets are part of a lab profile; masked anyway). */
    public void session(LabSpec lab) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("name", lab.name);
        d.put("provider", lab.provider);
        List<Map<String, Object>> hosts = new ArrayList<>();
        for (HostSpec h : lab.hosts) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", h.id);
            m.put("label", secrets.mask(h.label()));
            m.put("local", h.local);
            hosts.add(m);
        }
        d.put("hosts", hosts);
        List<Map<String, Object>> inst = new ArrayList<>();
        for (InstanceSpec i : lab.instances()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", i.name);
            m.put("role", i == lab.monitor ? "monitor" : "node");
            m.put("host", i.host);
            m.put("port", i.port);
            inst.add(m);
        }
        d.put("instances", inst);
        d.put("dataDir", lab.dataDir);
        d.put("database", lab.database);
        d.put("formation", lab.formation);
        d.put("packageSource", String.valueOf(lab.packageSource));
        d.put("postgresMajor", lab.postgresMajor);
        d.put("ssl", String.valueOf(lab.ssl));
        d.put("auth", lab.effectiveAuth());
        d.put("timingProfile", lab.timingProfile);
        if (lab.gce != null) {
            Map<String, Object> g = new LinkedHashMap<>();
            g.put("project", lab.gce.project);
            g.put("zone", lab.gce.zone);
            g.put("machineType", lab.gce.machineType);
            g.put("image", lab.gce.image);
            d.put("gce", g);
        }
        d.put("java", System.getProperty("java.version"));
        synchronized (this) {
            pendingSession = JournalEntry.of(Type.SESSION, null, null).data(d);
        }
    }

    /** Machines and versions (EnvironmentProbe): keys host.&lt;id&gt;.os etc. */
    public void environment(Map<String, String> env) {
        Map<String, Object> d = new LinkedHashMap<>();
        env.forEach((k, v) -> d.put(k, secrets.mask(v)));
        write(JournalEntry.of(Type.ENV, null, null).data(d));
    }

    /** The seed scenario's figures (SeedScenario.Report as a map). */
    public void scenario(Map<String, Object> report) {
        write(JournalEntry.of(Type.SCENARIO, null, null).data(report));
    }

    /**
     * Stores a PNG (already encoded) as screenshots/NNN-checkpoint.png and records it with the
     * step it belongs to (the open step, else the checkpoint named). Any thread.
     */
    public Path screenshot(byte[] png, String checkpoint, Integer stepId) throws IOException {
        int n = shots.incrementAndGet();
        String slug = (checkpoint == null || checkpoint.isBlank() ? "screenshot" : checkpoint).toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.isEmpty()) slug = "screenshot";
        String name = String.format(Locale.ROOT, "%03d-%s.png", n, slug.length() > 40 ? slug.substring(0, 40) : slug);
        Path dir = journal.screenshots();
        io.failoverlab.lab.Json.writeAtomically(dir.resolve(name), png);
        write(JournalEntry.of(Type.SHOT, stepId, checkpoint).file(Journal.SCREENSHOTS + "/" + name));
        return dir.resolve(name);
    }

    // ---- EngineListener ----

    public void stepStarted(String step) {
        JournalEntry before = null;
        JournalEntry start;
        synchronized (this) {
            Open parent = open.peek();
            Open o = new Open(++nextId, step);
            open.push(o);
            start = JournalEntry.of(Type.START, o.id, step).parent(parent == null ? null : parent.id);
            if (lastState != null) before = JournalEntry.of(Type.STATE, o.id, step).state("before", lastState);
        }
        write(start);
        if (before != null) write(before);
    }

    public void stepFinished(StepResult r) {
        Open o;
        synchronized (this) {
            o = null;
            for (Iterator<Open> it = open.iterator(); it.hasNext(); ) {
                Open c = it.next();
                if (c.name.equals(r.name())) {
                    o = c;
                    break;
                }
            }
            if (o != null) {
                while (open.peek() != o) open.pop(); // inner steps that never reported an end
                open.pop();
            } else {
                o = new Open(++nextId, r.name()); // a result recorded without a start (a scenario's summary step)
            }
        }
        if (o.dropped > 0) {
            write(JournalEntry.of(Type.NOTE, o.id, o.name).line("app", "INFO", o.dropped + " more output lines not kept in the journal"));
        }
        JournalState after = o.finalState;
        Supplier<ClusterSnapshot> probe = stateProbe;
        if (probe != null && !StepIds.BEFORE_MONITOR.contains(r.name()) && !StepIds.isTeardown(r.name())) {
            try {
                ClusterSnapshot s = probe.get();
                if (s != null && (s.monitorReachable() || after == null)) after = JournalState.of(s);
            } catch (RuntimeException ignored) {
                // the state read is a nicety; the step's result is what counts
            }
        }
        if (after == null) {
            synchronized (this) {
                after = lastState;
            }
        }
        if (after != null) {
            write(JournalEntry.of(Type.STATE, o.id, o.name).state("after", after));
            noteState(after, o.id, o.name, false);
        }
        JournalEntry end = JournalEntry.of(Type.END, o.id, o.name).result(r.ok(), r.seconds(), secrets.mask(r.message()));
        // the sentence as data too, so a report renders it in its own language
        if (r.msg() != null) end = end.data(Map.of("msg", io.failoverlab.lab.MsgData.toData(r.msg(), secrets::mask)));
        write(end);
        Checkpoint cp = new Checkpoint(o.id, o.name, r.ok());
        for (Consumer<Checkpoint> h : checkpointHooks) {
            try {
                h.accept(cp);
            } catch (RuntimeException ignored) {
                // a screenshot that could not be taken is not the lab's problem
            }
        }
    }

    public void figures(String step, Map<String, Double> figures, ClusterSnapshot finalState) {
        Open o;
        synchronized (this) {
            o = open.stream().filter(c -> c.name.equals(step)).findFirst().orElse(null);
            if (o != null && finalState != null) o.finalState = JournalState.of(finalState);
        }
        if (figures != null && !figures.isEmpty()) {
            write(JournalEntry.of(Type.FIGURES, o == null ? null : o.id, step).figures(new LinkedHashMap<>(figures)));
        }
    }

    public void snapshot(ClusterSnapshot s) {
        if (s == null) return;
        Open o;
        synchronized (this) {
            o = open.peek();
        }
        noteState(JournalState.of(s), o == null ? null : o.id, o == null ? null : o.name, true);
    }

    private void noteState(JournalState st, Integer id, String step, boolean write) {
        boolean changed;
        synchronized (this) {
            String sig = st.signature();
            changed = !sig.equals(lastSignature);
            if (lastState == null || !st.instant().isBefore(lastState.instant())) {
                lastState = st;
                lastSignature = sig;
            }
        }
        if (write && changed) write(JournalEntry.of(Type.STATE, id, step).state("live", st));
    }

    public void log(LogLine line) { log(line, null); }

    /** An app note kept as data too (its English is the line's text), so a report renders it in its own language. */
    public void note(io.failoverlab.lab.Msg msg) { log(LogLine.of("app", LogLine.Level.INFO, msg.english()), msg); }

    /** An app log line at a level, kept as data too (as a note). */
    public void appLog(LogLine.Level level, io.failoverlab.lab.Msg msg) { log(LogLine.of("app", level, msg.english()), msg); }

    /** Something only that node saw (a cut, fencing itself): a note at its time, for the report's timeline. */
    public void nodeEvent(String node, io.failoverlab.lab.Msg what, java.time.Instant at) {
        io.failoverlab.lab.Msg m = io.failoverlab.lab.Msg.of(NODE_EVENT, node, what);
        log(new LogLine(at, "app", LogLine.Level.INFO, m.english()), m);
    }

    /** The key of a node event's note (io/failoverlab/lab/msg*.properties). */
    public static final String NODE_EVENT = "note.nodeEvent";

    private void log(LogLine line, io.failoverlab.lab.Msg msg) {
        if (line == null || line.text() == null) return;
        JournalEntry e;
        synchronized (this) {
            Open o = open.peek();
            Integer id = o == null ? null : o.id;
            String step = o == null ? null : o.name;
            switch (line.level()) {
                case EVENT: {
                    e = JournalEntry.of(Type.EVENT, id, step).line(line.source(), "EVENT", secrets.mask(line.text()));
                    break;
                }
                case COMMAND:
                case PROBE: {
                    if (o != null && ++o.commands > MAX_COMMANDS_PER_STEP) {
                        o.dropped++;
                        return;
                    }
                    maskers.remove(line.source());
                    // level PROBE: the app's own look-around, folded away in the report
                    e = JournalEntry.of(Type.CMD, id, step).line(line.source(), line.level().name(), secrets.mask(line.text()));
                    break;
                }
                default: {
                    String text = maskers.computeIfAbsent(line.source(), k -> secrets.lineMasker()).mask(line.text());
                    if (o != null) {
                        if (o.lines >= MAX_LINES_PER_STEP || o.chars + text.length() > MAX_CHARS_PER_STEP) {
                            o.dropped++;
                            return;
                        }
                        o.lines++;
                        o.chars += text.length();
                    }
                    Type type = "app".equals(line.source()) && line.level() == LogLine.Level.INFO ? Type.NOTE : Type.OUT;
                    e = JournalEntry.of(type, id, step).line(line.source(), line.level().name(), text);
                    if (msg != null) e = e.data(Map.of("msg", io.failoverlab.lab.MsgData.toData(msg, secrets::mask)));
                }
            }
            e = e.at(line.at());
        }
        write(e);
    }

    private void write(JournalEntry e) {
        if (broken) return;
        try {
            JournalEntry session;
            synchronized (this) {
                session = pendingSession;
                pendingSession = null;
            }
            if (session != null) journal.append(session);
            journal.append(e);
        } catch (IOException | RuntimeException ex) {
            broken = true;
            problems.accept("The lab's journal cannot be written (" + journal.file() + "): " + ex.getMessage()
                    + "; the lab goes on, the report will miss what follows.");
        }
    }

    @Override
    public void close() {
        journal.close();
    }
}
