package io.failoverlab.lab;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * A message as data: a key of io/failoverlab/lab/msg*.properties and its arguments, rendered
 * by whoever shows it (window, CLI, report) in its own language. An argument may be a Msg
 * itself, or an {@link Action}: advice to run something, which the window names by its menu
 * entry and the CLI by its verb.
 */
public record Msg(String key, List<Object> args) {
    public static final String BUNDLE = "io.failoverlab.lab.msg";

    /** Advice to run an action: window action id (ui.actions.Actions) and the CLI's verb for it. */
    public record Action(String id, String verb) { }

    public Msg {
        args = List.copyOf(args);
    }

    /** Whole numbers become text (no "6,000" for a port, no "12 345" for a pid); decimals are formatted per language. */
    public static Msg of(String key, Object... args) {
        return new Msg(key, Arrays.stream(args)
                .map(a -> a instanceof Integer || a instanceof Long ? String.valueOf(a) : a == null ? "" : a).toList());
    }

    /** Renders with the bundle of texts' language; actions named by actionName. */
    public String render(Texts texts, Function<Action, String> actionName) {
        String pattern = texts.pattern(key);
        Object[] a = args.stream().map(x -> x instanceof Msg m ? m.render(texts, actionName)
                : x instanceof Action ac ? actionName.apply(ac) : x).toArray();
        if (pattern == null) return key + " " + Arrays.toString(a);
        return texts.format(pattern, a);
    }

    /** The CLI's rendering: actions as `verb`. */
    public String render(Locale locale) {
        return render(new Texts(BUNDLE, locale), ac -> "`" + ac.verb() + "`");
    }

    /** English, as the CLI prints it and the journal keeps it. */
    public String english() { return render(Locale.ENGLISH); }
}
