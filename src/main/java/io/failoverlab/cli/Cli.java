package io.failoverlab.cli;

import io.failoverlab.engine.CompositeListener;
import io.failoverlab.engine.EnvironmentProbe;
import io.failoverlab.engine.LabEngine;
import io.failoverlab.engine.Shells;
import io.failoverlab.lab.LabException;
import io.failoverlab.lab.LabProfiles;
import io.failoverlab.lab.LabSpec;
import io.failoverlab.lab.LabValidator;
import io.failoverlab.ops.Failover;
import io.failoverlab.ops.Heal;
import io.failoverlab.ops.KillPrimary;
import io.failoverlab.ops.Partition;
import io.failoverlab.ops.Switchover;
import io.failoverlab.ops.TimingProfiles;
import io.failoverlab.pgaf.TimingProfile;

import io.failoverlab.cloud.Providers;
import io.failoverlab.report.Journal;
import io.failoverlab.report.JournalRecorder;
import io.failoverlab.report.Secrets;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * Headless verbs over the same engine as the window. Exit code 0 on success; otherwise one
 * clear sentence on stderr and a non-zero code.
 */
public final class Cli {
    private Cli() { }

    /** A verb (or --help) means headless; no arguments or only options open the window. */
    public static boolean isHeadless(String[] args) {
        try {
            CliArgs a = new CliArgs(args);
            return a.verb != null || a.flag("--help");
        } catch (LabException e) {
            return true; // let run() print the sentence
        }
    }

    public static int run(String[] argv, PrintStream out, PrintStream err) {
        CliArgs args;
        try {
            args = new CliArgs(argv);
        } catch (LabException e) {
            err.println(e.getMessage());
            return 2;
        }
        if (args.verb == null || args.flag("--help") && args.verb == null) {
            out.print(Usage.text());
            return args.verb == null && !args.flag("--help") ? 2 : 0;
        }
        if (args.flag("--help")) {
            out.print(Usage.verb(args.verb));
            return 0;
        }
        try {
            if ("labs".equals(args.verb)) return new LabsVerb(out, err).run(args);
            LabSpec lab = lab(args);
            switch (args.verb) {
                case "up":
                    return new UpVerb(out, err).run(lab, args);
                case "status":
                    return new StatusVerb(out, err).run(lab, args);
                case "watch":
                    return new WatchVerb(out, err).run(lab, args);
                case "switchover":
                    return new OpVerb(out, err).run(lab, args, Switchover::new);
                case "failover":
                    return new OpVerb(out, err).run(lab, args, Failover::new);
                case "kill-primary": {
                    KillPrimary.Mode mode = KillPrimary.Mode.parse(args.option("--mode", "node"));
                    return new OpVerb(out, err).run(lab, args, e -> new KillPrimary(e, mode, null));
                }
                case "partition": {
                    if (args.positional.size() != 1) throw new LabException("Usage: partition NODE [--from all|monitor|standbys] [--json FILE]");
                    String node = args.positional.get(0);
                    Partition.From from = Partition.From.parse(args.option("--from", "all"));
                    return new OpVerb(out, err).run(lab, args, e -> new Partition(e, node, from));
                }
                case "heal": {
                    if (args.positional.size() > 1) throw new LabException("Usage: heal [NODE] [--json FILE]");
                    String node = args.positional.isEmpty() ? null : args.positional.get(0);
                    return new OpVerb(out, err).run(lab, args, e -> new Heal(e, node));
                }
                case "profile": {
                    if (args.positional.size() != 1) throw new LabException("Usage: profile fast|default");
                    TimingProfile p = TimingProfile.named(args.positional.get(0));
                    return new OpVerb(out, err).run(lab, args, e -> TimingProfiles.apply(e, p));
                }
                case "scenario":
                    return new ScenarioVerb(out, err).run(lab, args);
                case "datacheck":
                    return new DataCheckVerb(out, err).run(lab, args);
                case "down":
                    return new DownVerb(out, err).run(lab, args);
                case "report":
                    return new ReportVerb(out, err).run(lab, args);
                case "drop-node":
                case "add-node":
                case "maintenance":
                case "promote":
                case "set":
                case "stop-node":
                case "start-node":
                case "stop-monitor":
                case "start-monitor":
                    return new HaVerb(out, err).run(lab, args);
                default:
                    err.println("Unknown verb '" + args.verb + "'; run with --help to see the verbs.");
                    return 2;
            }
        } catch (LabException e) {
            err.println(e.getMessage());
            return 1;
        } catch (Exception e) {
            err.println("Failed: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return 1;
        }
    }

    /** --lab FILE, else the local lab; --data-dir, --monitor-port and --node-ports override it. */
    static LabSpec lab(CliArgs args) {
        String file = args.option("--lab", null);
        LabSpec lab = file == null ? LabSpec.localDefault() : LabProfiles.load(Path.of(file));
        String dataDir = args.option("--data-dir", null);
        if (dataDir != null) lab.dataDir = dataDir;
        Integer mp = args.intOption("--monitor-port");
        if (mp != null) lab.monitor.port = mp;
        String np = args.option("--node-ports", null);
        if (np != null) {
            String[] ports = np.split(",");
            if (ports.length != lab.nodes.size()) {
                throw new LabException("--node-ports gives " + ports.length + " ports but the lab has " + lab.nodes.size() + " nodes.");
            }
            for (int i = 0; i < ports.length; i++) {
                try {
                    lab.nodes.get(i).port = Integer.parseInt(ports[i].trim());
                } catch (NumberFormatException e) {
                    throw new LabException("--node-ports needs numbers separated by commas, not '" + np + "'.");
                }
            }
        }
        if (args.flag("--no-install")) lab.installPackages = false;
        LabValidator.check(lab);
        return lab;
    }

    /** --config-dir DIR: the app's folder (labs/, keys/, known_hosts); default the user's config folder. */
    static Path configDir(CliArgs args) {
        String d = args.option("--config-dir", null);
        return d == null ? LabProfiles.configDir() : Path.of(d);
    }

    static Path knownHosts(CliArgs args) {
        return Path.of(args.option("--known-hosts", configDir(args).resolve("known_hosts").toString()));
    }

    /** Providers built with this run's folders and gcloud (--gcloud PATH overrides the profile's). */
    static Providers.Options providerOptions(CliArgs args, PrintStream out) {
        Path kh = knownHosts(args);
        String svc = args.option("--address-service", null);
        return new Providers.Options(args.option("--gcloud", null), configDir(args), kh, svc == null ? null : URI.create(svc),
                args.option("--project", null),
                (host, type, fp) -> out.println("First contact with " + host + ": recorded its " + type + " host key " + fp + " in " + kh));
    }

    static LabEngine engine(LabSpec lab, CliArgs args, PrintStream out) {
        Path knownHosts = knownHosts(args);
        // every verb's steps, commands, states and figures also go to the lab's journal (for `report`)
        JournalRecorder journal = args.flag("--no-journal") ? null
                : new JournalRecorder(new Journal(journalDir(lab, args)), Secrets.fromEnvironment(System.getenv()))
                .onProblem(out::println);
        if (journal != null) journal.session(lab);
        LabEngine engine = new LabEngine(lab, Shells.factory(knownHosts, (host, type, fp) ->
                out.println("First contact with " + host + ": recorded its " + type + " host key " + fp + " in " + knownHosts)),
                CompositeListener.of(new ConsoleListener(out, args.flag("--verbose")), journal));
        if (journal != null) journal.stateProbe(engine::status);
        CloudSteps.attach(engine, lab, args, out);
        return engine;
    }

    /** --journal DIR, else CONFIG/journals/&lt;lab name&gt;. */
    static Path journalDir(LabSpec lab, CliArgs args) {
        String j = args.option("--journal", null);
        return j != null ? Path.of(j) : Journal.dirFor(configDir(args), lab.name);
    }

    /** The engine's journal, when this run keeps one. */
    static Optional<JournalRecorder> journal(LabEngine engine) {
        return CompositeListener.find(engine.listener(), JournalRecorder.class);
    }

    /** Records the machines and versions in the journal (a few read-only commands). */
    static void recordEnvironment(LabEngine engine) {
        journal(engine).ifPresent(j -> j.environment(EnvironmentProbe.probe(engine)));
    }
}
