package io.failoverlab.report;

import io.failoverlab.lab.Texts;

import java.util.List;
import java.util.Locale;

/** The report's words: io/failoverlab/report/report*.properties (UTF-8), English or Russian. */
public final class ReportStrings {
    public static final String BUNDLE = "io.failoverlab.report.report";
    public static final List<Locale> LANGUAGES = Texts.LANGUAGES;

    private final Texts texts;

    private ReportStrings(Locale locale) {
        this.texts = new Texts(BUNDLE, locale);
    }

    /** "ru" → Russian; anything else → English. */
    public static ReportStrings of(Locale l) { return new ReportStrings(l); }

    public static ReportStrings of(String lang) {
        return of(lang == null ? Locale.ENGLISH : Locale.forLanguageTag(lang));
    }

    public Locale locale() { return texts.locale(); }

    public boolean has(String key) { return texts.has(key); }

    public String tr(String key, Object... args) {
        String s = texts.pattern(key);
        if (s == null) return "!" + key + "!";
        // without arguments MessageFormat does not run, so undo its quote doubling here
        return args.length == 0 ? s.replace("''", "'") : texts.format(s, args);
    }
}
