package io.failoverlab.cli;

import io.failoverlab.engine.EnvironmentProbe;
import io.failoverlab.engine.LabEngine;
import io.failoverlab.engine.LabRuntime;
import io.failoverlab.lab.LabException;
import io.failoverlab.lab.Msg;
import io.failoverlab.report.JournalRecorder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Headless verbs over the same engine as the window (picocli: one class per verb, texts in
 * Usage.properties). Exit code 0 on success; otherwise one clear sentence on stderr and a
 * non-zero code: 2 for a wrong command line, 1 for a lab that refused or failed.
 */
public final class Cli {
    static final String BUNDLE = "io.failoverlab.cli.Usage";

    private Cli() { }

    /** The command line without a verb: the common options (which the window takes too) and --help. */
    @Command(name = "failover-lab", resourceBundle = BUNDLE, synopsisSubcommandLabel = "[VERB]")
    static final class Root implements Runnable {
        @Mixin CommonOptions common = new CommonOptions();
        @Option(names = {"-h", "--help"}, usageHelp = true, descriptionKey = "common.help") boolean help;
        final PrintStream out;
        final PrintStream err;

        Root(PrintStream out, PrintStream err) {
            this.out = out;
            this.err = err;
        }

        @Override
        public void run() { }
    }

    /** Every verb, in the order the help lists them; the operation verbs come from {@link OperationVerbs}. */
    static List<Object> verbs() {
        List<Object> v = new ArrayList<>(List.of(new UpVerb(), new StatusVerb(), new WatchVerb()));
        v.addAll(OperationVerbs.all());
        v.addAll(List.of(new ScenarioVerb(), new DownVerb(), new ReportVerb(), new LabsVerb()));
        return v;
    }

    static CommandLine commandLine(PrintStream out, PrintStream err) {
        CommandLine cl = new CommandLine(new Root(out, err));
        for (Object verb : verbs()) cl.addSubcommand(verb);
        cl.setOut(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true));
        cl.setErr(new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true));
        VerbList.install(cl);
        cl.setParameterExceptionHandler((e, args) -> {
            err.println(CliErrors.of(e, args).render(CliErrors.locale(args)));
            return 2;
        });
        cl.setExecutionExceptionHandler((e, c, parsed) -> {
            String why = e.getMessage() == null ? e.toString() : e.getMessage();
            // an unexpected failure still reads as a sentence, in --lang's language
            err.println(e instanceof LabException le && le.msg() != null && c.getCommand() instanceof Verb v ? v.say(le.msg())
                    : e instanceof LabException ? e.getMessage()
                    : c.getCommand() instanceof Verb v ? v.say(Msg.of("cli.failed", why))
                    : Msg.of("cli.failed", why).render(CliErrors.locale(parsed.originalArgs().toArray(new String[0]))));
            return 1;
        });
        return cl;
    }

    /** A verb (or --help) means headless; no arguments or only options open the window. */
    public static boolean isHeadless(String[] args) {
        try {
            CommandLine.ParseResult r = commandLine(System.out, System.err).parseArgs(args);
            return r.hasSubcommand() || r.isUsageHelpRequested();
        } catch (CommandLine.ParameterException e) {
            return true; // let run() print the sentence
        }
    }

    public static int run(String[] argv, PrintStream out, PrintStream err) {
        CommandLine cl = commandLine(out, err);
        int code = cl.execute(argv);
        CommandLine.ParseResult parsed = cl.getParseResult();
        if (code == 0 && parsed != null && !parsed.hasSubcommand() && !parsed.isUsageHelpRequested()) {
            cl.usage(cl.getOut()); // no verb: the usage, and a code saying nothing ran
            code = 2;
        }
        cl.getOut().flush();
        cl.getErr().flush();
        return code;
    }

    /** The window's command line: the same common options as every verb. */
    static CommonOptions windowOptions(String[] args) {
        CommandLine cl = commandLine(System.out, System.err);
        try {
            CommandLine.ParseResult r = cl.parseArgs(args);
            if (r.hasSubcommand()) throw new LabException(Msg.of("cli.arg.windowVerb", r.subcommand().commandSpec().name()));
        } catch (CommandLine.ParameterException e) {
            throw new LabException(CliErrors.of(e, args));
        }
        return ((Root) cl.getCommand()).common;
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
