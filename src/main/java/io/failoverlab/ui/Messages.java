package io.failoverlab.ui;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The window's words: io/failoverlab/ui/messages*.properties (UTF-8) in English or Russian. */
public final class Messages {
    public static final String BUNDLE = "io.failoverlab.ui.messages";
    public static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.forLanguageTag("ru"));

    private final Locale locale;
    private final ResourceBundle bundle;

    private Messages(Locale locale) {
        this.locale = locale;
        // no fallback to the JVM's default locale: English is the base bundle
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public static Messages of(Locale locale) { return new Messages(supported(locale)); }

    /** "ru" → Russian; anything else → English. */
    public static Locale supported(Locale l) {
        return l != null && "ru".equals(l.getLanguage()) ? LANGUAGES.get(1) : Locale.ENGLISH;
    }

    public Locale locale() { return locale; }

    public boolean has(String key) { return bundle.containsKey(key); }

    public String tr(String key, Object... args) {
        String s;
        try {
            s = bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!"; // visible in the window, and MessagesTest fails on it
        }
        return args.length == 0 ? s : new MessageFormat(s, locale).format(args);
    }
}
