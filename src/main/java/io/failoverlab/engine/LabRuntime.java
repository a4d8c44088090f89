package io.failoverlab.engine;

import io.failoverlab.cloud.Progress;
import io.failoverlab.cloud.Provider;
import io.failoverlab.cloud.Providers;
import io.failoverlab.lab.AddedNodes;
import io.failoverlab.lab.LabSpec;
import io.failoverlab.lab.StepIds;
import io.failoverlab.remote.KnownHostsFile;
import io.failoverlab.remote.ShellFactory;
import io.failoverlab.report.Journal;
import io.failoverlab.report.JournalRecorder;
import io.failoverlab.report.Secrets;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * One lab wired for use, the same way for the CLI and the window: its engine (shells with the
 * app's known_hosts), the face's listener plus the lab's journal, its one monitor feed (held by
 * the engine, which operations are given, and closed with it) and its cloud provider.
 * Built by {@link #builder}; closing it closes the engine.
 */
public final class LabRuntime implements AutoCloseable {
    private final LabSpec lab;
    private final AppPaths paths;
    private final LabEngine engine;
    private final JournalRecorder journal;
    private final Providers.Options providerOptions;
    private volatile Provider provider;

    private LabRuntime(Builder b) {
        this.lab = b.lab;
        this.paths = b.paths;
        this.providerOptions = paths.providerOptions(b.firstContact);
        this.journal = paths.keepJournal()
                ? new JournalRecorder(new Journal(paths.journalFor(lab)), Secrets.fromEnvironment(System.getenv())).onProblem(b.problems)
                : null;
        if (journal != null) journal.session(lab);
        ShellFactory shells = b.shells != null ? b.shells : Shells.factory(paths.knownHosts(), b.firstContact);
        this.engine = new LabEngine(lab, shells, CompositeListener.of(b.listener, journal == null ? null : new JournalListener(journal)));
        if (journal != null) journal.stateProbe(engine::status);
        if (lab.isProvisioned()) {
            // the provider makes the machines (a step before preflight) and switches them off and on
            Consumer<LabSpec> provisioned = b.provisioned;
            engine.provisioner((l, listener) -> {
                Object said = provider().provision(l, Progress.ofMessages((t, f) -> listener.stepProgress(StepIds.PROVISION, f, t))).message();
                provisioned.accept(l);
                return said;
            });
            engine.machinePower(power(provisioned));
        }
    }

    /** The provider's machine calls as the engine's power switch (made when first used: no gcloud lookup before). */
    private MachinePower power(Consumer<LabSpec> provisioned) {
        return new MachinePower() {
            @Override public String kind() { return lab.provider; }
            @Override public void powerOff(String hostId) { provider().stop(lab, hostId); }
            @Override public void powerOn(String hostId) { provider().start(lab, hostId); }
            @Override public void reboot(String hostId) { provider().reboot(lab, hostId); }
            @Override public void replace(String hostId) {
                provider().replaceMachine(lab, hostId, Progress.ofMessages((t, f) -> engine.listener().stepProgress(StepIds.REPLACE_MONITOR, f, t)));
                provisioned.accept(lab); // the new machine's host key alias goes into the profile
            }
            @Override public boolean isOn(String hostId) { return provider().running(lab, hostId); }
            @Override public java.util.Map<String, Boolean> states() { return provider().runningStates(lab); }
        };
    }

    public static Builder builder(LabSpec lab, AppPaths paths) {
        return new Builder(lab, paths);
    }

    public LabSpec lab() { return lab; }

    public AppPaths paths() { return paths; }

    public LabEngine engine() { return engine; }

    /**
     * The lab's one monitor feed (docs/architecture.md, Data flow): the window's live view, the CLI's
     * monitor events and every operation's waits share it. Not started until first needed.
     */
    public MonitorFeed feed() { return engine.monitorFeed(); }

    /** The lab's journal, when this run keeps one. */
    public Optional<JournalRecorder> journal() { return Optional.ofNullable(journal); }

    /** The journal of an engine built here (or any engine whose listener holds one). */
    public static Optional<JournalRecorder> journalOf(LabEngine engine) {
        return CompositeListener.find(engine.listener(), JournalListener.class).map(JournalListener::recorder);
    }

    /**
     * What the lab's journal hears, and nothing else: for a face that prints an operation's outcome
     * itself but must still leave it in the journal and so in the report.
     */
    public EngineListener journalOnly() {
        return CompositeListener.find(engine.listener(), JournalListener.class).<EngineListener>map(j -> j).orElse(EngineListener.NONE);
    }

    /** Where nodes added to this running lab are kept (its profile, or a file of the config folder). */
    public AddedNodes addedNodes() { return AddedNodes.of(engine.spec(), paths.configDir()); }

    public Providers.Options providerOptions() { return providerOptions; }

    /** The lab's provider (this machine, its hosts, or the cloud), made on first use. */
    public synchronized Provider provider() {
        Provider p = provider;
        if (p == null) {
            p = Providers.forLab(lab, providerOptions);
            provider = p;
        }
        return p;
    }

    @Override
    public void close() {
        engine.close();
    }

    /** What a face adds: its listener, how a new host key is told, where journal problems go; tests: their shells. */
    public static final class Builder {
        private final LabSpec lab;
        private final AppPaths paths;
        private EngineListener listener = EngineListener.NONE;
        private KnownHostsFile.FirstContact firstContact = KnownHostsFile.FirstContact.NONE;
        private Consumer<String> problems = s -> { };
        private ShellFactory shells;
        private Consumer<LabSpec> provisioned = l -> { };

        private Builder(LabSpec lab, AppPaths paths) {
            this.lab = lab;
            this.paths = paths == null ? AppPaths.standard() : paths;
        }

        public Builder listener(EngineListener l) {
            this.listener = l;
            return this;
        }

        public Builder firstContact(KnownHostsFile.FirstContact fc) {
            this.firstContact = fc;
            return this;
        }

        public Builder journalProblems(Consumer<String> p) {
            this.problems = p;
            return this;
        }

        /** null: the app's own (LocalShell here, SSH with the app's known_hosts elsewhere). */
        public Builder shells(ShellFactory f) {
            this.shells = f;
            return this;
        }

        /** Told the lab once provisioning filled in its hosts (the CLI saves them back into the profile). */
        public Builder onProvisioned(Consumer<LabSpec> c) {
            this.provisioned = c;
            return this;
        }

        public LabRuntime build() {
            return new LabRuntime(this);
        }
    }
}
