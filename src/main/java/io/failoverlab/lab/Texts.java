package io.failoverlab.lab;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * One of the app's UTF-8 resource bundles in English (the base bundle) or Russian. There is no
 * fallback to the JVM's default locale, so a missing Russian key shows rather than hides.
 */
public final class Texts {
    public static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.forLanguageTag("ru"));

    private final Locale locale;
    private final ResourceBundle bundle;

    public Texts(String bundleName, Locale requested) {
        this.locale = supported(requested);
        this.bundle = ResourceBundle.getBundle(bundleName, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** "ru" → Russian; anything else → English. */
    public static Locale supported(Locale l) {
        return l != null && "ru".equals(l.getLanguage()) ? LANGUAGES.get(1) : Locale.ENGLISH;
    }

    public Locale locale() { return locale; }

    public boolean has(String key) { return bundle.containsKey(key); }

    /** The text of a key, or null when the bundle lacks it. */
    public String pattern(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return null;
        }
    }

    public String format(String pattern, Object... args) {
        return new MessageFormat(pattern, locale).format(args);
    }
}
