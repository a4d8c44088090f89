package io.failoverlab.report;

import java.util.Locale;

/** How the report writes numbers: whole numbers without decimals, others to 1/100, seconds to 1/10. */
final class ReportFormat {
    private ReportFormat() { }

    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return String.format(Locale.ROOT, "%d", (long) v);
        return String.format(Locale.ROOT, "%.2f", v);
    }

    /** A figure as the journal or scenario gave it: a number formatted, anything else as text. */
    static String value(Object o) {
        return o instanceof Number n ? number(n.doubleValue()) : String.valueOf(o);
    }

    static String seconds(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
