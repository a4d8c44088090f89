package io.failoverlab.cli;

import io.failoverlab.lab.LabSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.io.PrintStream;
import java.util.concurrent.Callable;

/** A headless verb: the common options (before or after its name), --help, the run's streams. */
abstract class Verb implements Callable<Integer> {
    @ParentCommand Cli.Root root;
    @Mixin CommonOptions own;
    @Option(names = {"-h", "--help"}, usageHelp = true, descriptionKey = "common.help") boolean help;

    PrintStream out() { return root.out; }

    PrintStream err() { return root.err; }

    /** A message in --lang's language (English without one). */
    String say(io.failoverlab.lab.Msg m) {
        String lang = common().lang();
        return m.render(lang == null ? java.util.Locale.ENGLISH : java.util.Locale.forLanguageTag(lang));
    }

    /** A step's sentence in --lang's language where the step carries it as data, else as the engine said it. */
    String say(io.failoverlab.lab.StepResult r) {
        return r.msg() == null ? r.message() : say(r.msg());
    }

    /** The common options given anywhere on the line. */
    CommonOptions common() { return own.over(root.common); }

    @Override
    public Integer call() throws Exception {
        return run(common().lab());
    }

    /** Runs on the lab the options name; 0 on success, else one sentence on err() and non-zero. */
    abstract int run(LabSpec lab) throws Exception;
}
