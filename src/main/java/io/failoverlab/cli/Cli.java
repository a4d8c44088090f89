package io.failoverlab.cli;

import io.failoverlab.engine.AppPaths;
import io.failoverlab.engine.EnvironmentProbe;
import io.failoverlab.engine.LabEngine;
import io.failoverlab.engine.LabRuntime;
import io.failoverlab.lab.LabException;
import io.failoverlab.lab.LabSpec;
import io.failoverlab.ops.Failover;
import io.failoverlab.ops.KillPrimary;
import io.failoverlab.ops.Switchover;
import io.failoverlab.ops.TimingProfiles;
import io.failoverlab.pgaf.TimingProfile;

import io.failoverlab.cloud.Providers;
import io.failoverlab.remote.KnownHostsFile;
import io.failoverlab.report.JournalRecorder;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
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
                    return new OpVerb(out, err).run(lab, args, rt -> new Switchover(rt.engine()));
                case "failover":
                    return new OpVerb(out, err).run(lab, args, rt -> new Failover(rt.engine()));
                case "kill-primary": {
                    KillPrimary.Mode mode = KillPrimary.Mode.parse(args.option("--mode", "node"));
                    return new OpVerb(out, err).run(lab, args, rt -> new KillPrimary(rt.engine(), mode, rt.hasVms() ? rt::stopVm : null));
                }
                case "profile": {
                    if (args.positional.size() != 1) throw new LabException("Usage: profile fast|default");
                    TimingProfile p = TimingProfile.named(args.positional.get(0));
                    return new OpVerb(out, err).run(lab, args, rt -> TimingProfiles.apply(rt.engine(), p));
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
        return LabOptions.lab(args.option("--lab", null), args.option("--data-dir", null), args.intOption("--monitor-port"),
                args.option("--node-ports", null), args.flag("--no-install"));
    }

    /** The app's folders and tools as this run's options give them. */
    static AppPaths paths(CliArgs args) {
        String d = args.option("--config-dir", null);
        String kh = args.option("--known-hosts", null);
        String j = args.option("--journal", null);
        String svc = args.option("--address-service", null);
        return new AppPaths(d == null ? null : Path.of(d), kh == null ? null : Path.of(kh), j == null ? null : Path.of(j),
                !args.flag("--no-journal"), args.option("--gcloud", null), svc == null ? null : URI.create(svc), args.option("--project", null));
    }

    /** The terminal's line for a host key seen the first time. */
    static KnownHostsFile.FirstContact firstContact(AppPaths paths, PrintStream out) {
        return (host, type, fp) -> out.println("First contact with " + host + ": recorded its " + type + " host key " + fp + " in " + paths.knownHosts());
    }

    /** Providers built with this run's folders and gcloud (--gcloud PATH overrides the profile's). */
    static Providers.Options providerOptions(CliArgs args, PrintStream out) {
        AppPaths p = paths(args);
        return p.providerOptions(firstContact(p, out));
    }

    /** The lab wired as the window wires it, with the terminal as its face (every verb also writes the journal). */
    static LabRuntime runtime(LabSpec lab, CliArgs args, PrintStream out) {
        AppPaths p = paths(args);
        return LabRuntime.builder(lab, p)
                .listener(new ConsoleListener(out, args.flag("--verbose")))
                .firstContact(firstContact(p, out))
                .journalProblems(out::println)
                .build();
    }

    /** The runtime's engine; closing it closes the runtime (the engine is all it holds open). */
    static LabEngine engine(LabSpec lab, CliArgs args, PrintStream out) {
        return runtime(lab, args, out).engine();
    }

    /** The engine's journal, when this run keeps one. */
    static Optional<JournalRecorder> journal(LabEngine engine) {
        return LabRuntime.journalOf(engine);
    }

    /** Records the machines and versions in the journal (a few read-only commands). */
    static void recordEnvironment(LabEngine engine) {
        journal(engine).ifPresent(j -> j.environment(EnvironmentProbe.probe(engine)));
    }
}
