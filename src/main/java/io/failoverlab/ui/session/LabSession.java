package io.failoverlab.ui.session;

import io.failoverlab.engine.AppPaths;
import io.failoverlab.engine.LabEngine;
import io.failoverlab.engine.LabRuntime;
import io.failoverlab.engine.MonitorFeed;
import io.failoverlab.lab.HostSpec;
import io.failoverlab.lab.LabSpec;
import io.failoverlab.lab.LogLine;
import io.failoverlab.lab.Msg;
import io.failoverlab.lab.StepResult;
import io.failoverlab.ops.OperationRunner;
import io.failoverlab.pgaf.MonitorClient;
import io.failoverlab.report.JournalRecorder;
import io.failoverlab.ui.log.LogViewModel;
import io.failoverlab.ui.nodes.ClusterViewModel;
import io.failoverlab.ui.steps.StepChecklist;
import javafx.application.Platform;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;

/**
 * Everything the window shows about one lab, free of views: the engine, the one-at-a-time
 * operation runner, the lab's monitor feed (the runtime's, shared with operations), and the view
 * models they fill. Survives a rebuild of the scene (language switch).
 */
public final class LabSession implements AutoCloseable {
    private final LabSpec lab;
    private final ClusterViewModel cluster = new ClusterViewModel();
    private final StepChecklist steps;
    private final LogViewModel log;
    private final LabRuntime runtime;
    private final LabEngine engine;
    private final OperationRunner runner;
    private final MonitorFeed feed;
    private final JournalRecorder journal;
    private final LiveModels live;
    private final FxEngineListener fxListener;
    /** Machines labs: which nodes' machines are off, for the diagram (null for other labs). */
    private final MachinePowerWatch power;
    /** Sees every snapshot on the thread that received it, before the hand-over (display-latency benchmark). */
    private volatile java.util.function.Consumer<io.failoverlab.lab.ClusterSnapshot> tap;
    /** Where the monitor feed hands its snapshots (any thread). */
    private final java.util.function.Consumer<io.failoverlab.lab.ClusterSnapshot> snapshotIn;
    /** Reads and probes that must not run on the FX thread (never cluster-changing operations): the app's pool. */
    private final ExecutorService background = io.failoverlab.engine.AppExecutor.shared();

    public LabSession(LabSpec lab) {
        this(lab, (io.failoverlab.remote.ShellFactory) null);
    }

    /** The lab as the command line's options name it, with the app's folders they give. */
    public LabSession(LabSpec lab, AppPaths paths) {
        this(lab, null, paths);
    }

    /** shells: how hosts are opened; null = the app's own (local shell, SSH with its known_hosts). */
    public LabSession(LabSpec lab, io.failoverlab.remote.ShellFactory shells) {
        this(lab, shells, AppPaths.standard());
    }

    /** journalDir: where the lab's journal (steps, commands, states, screenshots) is kept, for reports. */
    public LabSession(LabSpec lab, io.failoverlab.remote.ShellFactory shells, java.nio.file.Path journalDir) {
        this(lab, shells, AppPaths.standard().withJournalDir(journalDir));
    }

    private LabSession(LabSpec lab, io.failoverlab.remote.ShellFactory shells, AppPaths paths) {
        this.lab = lab;
        this.steps = new StepChecklist(StepChecklist.stepsOf(lab));
        this.log = new LogViewModel(LogViewModel.DEFAULT_CAPACITY, sourcesOf(lab));
        // the probe goes through the engine's SSH tunnels: a machines or GCE lab's PostgreSQL ports are closed to this computer
        this.live = new LiveModels(lab, this::probeNodes, background);
        SnapshotPump fxPump = new SnapshotPump(Platform::runLater, s -> {
            cluster.apply(s);
            live.apply(s);
        });
        java.util.function.Consumer<io.failoverlab.lab.ClusterSnapshot> pump = s -> {
            var t = tap;
            if (t != null) t.accept(s);
            fxPump.accept(s);
        };
        this.snapshotIn = pump;
        // the lab's one feed (docs/architecture.md) hands snapshots and monitor events to this listener and the journal
        FxEngineListener listener = new FxEngineListener(Platform::runLater, steps, log, pump).onNodeEvent(live::nodeEvent);
        this.fxListener = listener;
        // the window always keeps the lab's journal: screenshots and reports are made from it
        this.runtime = LabRuntime.builder(lab, new AppPaths(paths.configDir(), paths.knownHosts(), paths.journalDir(), true,
                        paths.gcloud(), paths.addressService(), paths.project()))
                .shells(shells)
                .listener(listener)
                .firstContact((host, type, fp) -> log.offer(LogLine.of("app", LogLine.Level.WARN, "First contact with " + host
                        + ": recorded its " + type + " host key " + fp)))
                .journalProblems(p -> log.offer(LogLine.of("app", LogLine.Level.WARN, p)))
                .build();
        this.engine = runtime.engine();
        this.journal = runtime.journal().orElseThrow();
        this.runner = new OperationRunner(engine.listener());
        this.feed = runtime.feed();
        this.power = lab.runsOnMachines() ? engine.machinePower()
                .map(p -> new MachinePowerWatch(lab, p, off -> Platform.runLater(() -> live.machinesOff(off)))).orElse(null) : null;
    }

    /** Background thread: the data nodes as the engine's SSH tunnels reach them. */
    private List<io.failoverlab.check.PgNode> probeNodes() throws java.io.IOException { return engine.dataNodes(); }

    static List<String> sourcesOf(LabSpec lab) {
        List<String> s = new ArrayList<>();
        for (HostSpec h : lab.hosts) s.add(h.id);
        s.add(MonitorClient.LOG_SOURCE);
        s.add("app");
        return s;
    }

    public LabSpec lab() { return lab; }

    public LabEngine engine() { return engine; }

    /** The lab as wired for the window: engine, journal, provider. */
    public LabRuntime runtime() { return runtime; }

    public OperationRunner runner() { return runner; }

    /** Stops every keeper and deletes the lab's data; the nodes added to it go too (the CLI's down --destroy). */
    public List<StepResult> destroyLab() {
        List<StepResult> steps = engine.down(true);
        if (steps.stream().allMatch(StepResult::ok)) {
            try {
                runtime.addedNodes().forget();
            } catch (java.io.IOException e) {
                engine.listener().appLog(LogLine.Level.WARN, Msg.of("lab.addedNodes.unreadable", "", e.getMessage()));
            }
        }
        return steps;
    }

    public ClusterViewModel cluster() { return cluster; }

    public StepChecklist steps() { return steps; }

    public LogViewModel log() { return log; }

    /** How the app's notes read in the log from now on: the window's language. */
    public void notesIn(java.util.function.Function<io.failoverlab.lab.Msg, String> render) { fxListener.notesIn(render); }

    public ExecutorService background() { return background; }

    /** The lab's journal: what a report is made from. */
    public JournalRecorder journal() { return journal; }
    public LiveModels live() { return live; }

    /** Benchmarks: sees each snapshot as it arrives, off the FX thread; null to stop. */
    public void tap(java.util.function.Consumer<io.failoverlab.lab.ClusterSnapshot> t) { tap = t; }

    /** Benchmarks: a snapshot enters exactly where the monitor feed's would. */
    public void offerSnapshot(io.failoverlab.lab.ClusterSnapshot s) { snapshotIn.accept(s); }

    /** Starts the live view (idempotent). */
    public void watchMonitor() {
        Platform.runLater(cluster::connecting);
        feed.start();
        if (power != null) power.start();
    }

    /** Stops the live view and forgets the rows (the lab was stopped or destroyed). */
    public void stopWatching() {
        feed.stop();
        Platform.runLater(() -> {
            cluster.notWatching();
            live.notWatching();
        });
    }

    /** At start-up: watch if the lab already answers, and tick its checklist. */
    public void probeAtStartup() {
        background.execute(() -> {
            var s = engine.status();
            if (s.monitorReachable() && !s.nodes().isEmpty()) {
                Platform.runLater(() -> steps.markLabUp(lab, s));
                watchMonitor();
                live.refreshProfile(this);
            }
        });
    }

    @Override
    public void close() {
        if (power != null) power.close();
        feed.stop();
        live.probe().close();
        runner.close();
        runtime.close();
    }

    public static java.util.concurrent.ThreadFactory daemon(String name) {
        return io.failoverlab.engine.AppExecutor.threads(name, true);
    }
}
