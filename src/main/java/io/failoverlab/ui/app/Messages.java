package io.failoverlab.ui.app;

import io.failoverlab.lab.Msg;
import io.failoverlab.lab.Texts;
import io.failoverlab.ops.OperationResult;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** The window's words: io/failoverlab/ui/messages*.properties (UTF-8) in English or Russian. */
public final class Messages {
    public static final String BUNDLE = "io.failoverlab.ui.messages";
    public static final List<Locale> LANGUAGES = Texts.LANGUAGES;

    private final Texts texts;
    /** Messages as data (lab/Msg) from the engine and operations. */
    private final Texts msgs;
    /** Action id → its toolbar group or null; the window passes its action catalogue's. */
    private final Function<String, String> groupOf;

    private Messages(Locale locale, Function<String, String> groupOf) {
        this.texts = new Texts(BUNDLE, locale);
        this.msgs = new Texts(Msg.BUNDLE, locale);
        this.groupOf = groupOf;
    }

    /** Words for a window without actions (labs list, wizard, tests): action names without their group. */
    public static Messages of(Locale locale) { return new Messages(locale, id -> null); }

    /** Words that name an action as its window offers it: its group (from groupOf), then its label. */
    public static Messages of(Locale locale, Function<String, String> groupOf) { return new Messages(locale, groupOf); }

    /** "ru" → Russian; anything else → English. */
    public static Locale supported(Locale l) { return Texts.supported(l); }

    public Locale locale() { return texts.locale(); }

    public boolean has(String key) { return texts.has(key); }

    /** A message as data in this language; advice to run an action names the window's entry ("Kill primary → Kill primary node"). */
    public String msg(Msg msg) { return msg.render(msgs, a -> tr("quote", actionName(a.id()))); }

    /** An operation's outcome as the window tells it: its Msg rendered, else its (English) text. */
    public String result(OperationResult r) {
        return r.msg() != null ? msg(r.msg()) : r.message() == null ? "" : r.message();
    }

    /** A failure as the window tells it: a LabException's Msg rendered, else its (English) text, else its kind. */
    public String error(Throwable e) {
        if (e instanceof io.failoverlab.lab.LabException le && le.msg() != null) return msg(le.msg());
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }

    /** The window's name of an action id: its label, after its toolbar group's when it has one. */
    public String actionName(String id) {
        String label = tr("action." + id.replace('-', '.'));
        String group = groupOf.apply(id);
        return group == null ? label : tr("actiongroup." + group) + " → " + label;
    }

    public String tr(String key, Object... args) {
        String s = texts.pattern(key);
        if (s == null) return "!" + key + "!"; // visible in the window, and MessagesTest fails on it
        return args.length == 0 ? s : texts.format(s, args);
    }
}
