package io.failoverlab.cli;

import io.failoverlab.lab.Msg;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A wrong command line as one sentence in the person's language (--lang), which picocli's own
 * texts are not: each kind of complaint is a message of ours, naming the verb, option or value.
 */
final class CliErrors {
    private CliErrors() { }

    static Msg of(CommandLine.ParameterException e, String... args) {
        CommandLine where = e.getCommandLine();
        boolean root = where.getParent() == null;
        Msg help = root ? Msg.of("cli.arg.help") : Msg.of("cli.arg.verbHelp", where.getCommandName());
        Msg what = what(e, root, List.of(args));
        return what.key().equals("cli.arg.unknownVerb") ? what : Msg.of("text.sentences", what, help);
    }

    private static Msg what(CommandLine.ParameterException e, boolean root, List<String> args) {
        if (e instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            String first = u.getUnmatched().get(0);
            if (root && !first.startsWith("-")) return Msg.of("cli.arg.unknownVerb", first);
            return first.startsWith("-") && first.length() > 1 && !Character.isDigit(first.charAt(1))
                    ? Msg.of("cli.arg.unknownOption", first)
                    : Msg.of("cli.arg.unexpected", String.join(" ", u.getUnmatched()));
        }
        if (e instanceof CommandLine.MissingParameterException m) {
            List<ArgSpec> missing = m.getMissing();
            String names = missing == null ? "" : missing.stream().map(CliErrors::name).collect(Collectors.joining(", "));
            // an option given without its value ("--out" last, or followed by another option)
            if (missing != null && missing.size() == 1 && missing.get(0) instanceof OptionSpec o
                    && args.stream().anyMatch(a -> List.of(o.names()).contains(a))) return Msg.of("cli.arg.noValue", o.longestName());
            return Msg.of("cli.arg.missing", names);
        }
        if (e instanceof CommandLine.OverwrittenOptionException o) return Msg.of("cli.arg.twice", name(o.getOverwritten()));
        if (e instanceof CommandLine.MaxValuesExceededException) return Msg.of("cli.arg.tooMany");
        if (e.getArgSpec() != null && e.getValue() != null) return Msg.of("cli.arg.badValue", e.getValue(), name(e.getArgSpec()));
        if (e.getArgSpec() != null) return Msg.of("cli.arg.badOption", name(e.getArgSpec()));
        return Msg.of("cli.arg.invalid");
    }

    private static String name(ArgSpec a) {
        if (a instanceof OptionSpec o) return o.longestName();
        return a.paramLabel();
    }

    /** --lang as given on the command line, even when the rest of it could not be read. */
    static Locale locale(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String lang = args[i].startsWith("--lang=") ? args[i].substring(7) : "--lang".equals(args[i]) && i + 1 < args.length ? args[i + 1] : null;
            if ("ru".equals(lang)) return Locale.forLanguageTag("ru");
        }
        return Locale.ENGLISH;
    }
}
