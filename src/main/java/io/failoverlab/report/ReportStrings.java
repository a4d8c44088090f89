package io.failoverlab.report;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The report's words: io/failoverlab/report/report*.properties (UTF-8), English or Russian. */
public final class ReportStrings {
    public static final String BUNDLE = "io.failoverlab.report.report";
    public static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.forLanguageTag("ru"));

    private final Locale locale;
    private final ResourceBundle bundle;

    private ReportStrings(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** "ru" → Russian; anything else → English. */
    public static ReportStrings of(Locale l) {
        return new ReportStrings(l != null && "ru".equals(l.getLanguage()) ? LANGUAGES.get(1) : Locale.ENGLISH);
    }

    public static ReportStrings of(String lang) {
        return of(lang == null ? Locale.ENGLISH : Locale.forLanguageTag(lang));
    }

    public Locale locale() { return locale; }

    public boolean has(String key) { return bundle.containsKey(key); }

    public String tr(String key, Object... args) {
        String s;
        try {
            s = bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
        return args.length == 0 ? s.replace("''", "'") : new MessageFormat(s, locale).format(args);
    }
}
