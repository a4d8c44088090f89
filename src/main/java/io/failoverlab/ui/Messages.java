package io.failoverlab.ui;

import io.failoverlab.lab.Texts;

import java.util.List;
import java.util.Locale;

/** The window's words: io/failoverlab/ui/messages*.properties (UTF-8) in English or Russian. */
public final class Messages {
    public static final String BUNDLE = "io.failoverlab.ui.messages";
    public static final List<Locale> LANGUAGES = Texts.LANGUAGES;

    private final Texts texts;

    private Messages(Locale locale) {
        this.texts = new Texts(BUNDLE, locale);
    }

    public static Messages of(Locale locale) { return new Messages(locale); }

    /** "ru" → Russian; anything else → English. */
    public static Locale supported(Locale l) { return Texts.supported(l); }

    public Locale locale() { return texts.locale(); }

    public boolean has(String key) { return texts.has(key); }

    public String tr(String key, Object... args) {
        String s = texts.pattern(key);
        if (s == null) return "!" + key + "!"; // visible in the window, and MessagesTest fails on it
        return args.length == 0 ? s : texts.format(s, args);
    }
}
