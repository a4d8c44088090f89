package io.failoverlab.install;

import java.util.OptionalDouble;

/**
 * Reads apt's machine status lines (APT::Status-Fd): "dlstatus:1:42.5:Retrieving file 1 of 9"
 * and "pmstatus:pkg:73.3:Installing pkg". Downloads count as the first half, unpacking and
 * configuring as the second, so one bar runs 0→1 over the whole install.
 */
public final class AptProgress {
    private AptProgress() { }

    public static OptionalDouble fraction(String line) {
        if (line == null) return OptionalDouble.empty();
        boolean dl = line.startsWith("dlstatus:");
        if (!dl && !line.startsWith("pmstatus:")) return OptionalDouble.empty();
        String[] parts = line.split(":", 4);
        if (parts.length < 3) return OptionalDouble.empty();
        try {
            double pct = Math.max(0, Math.min(100, Double.parseDouble(parts[2]))) / 100.0;
            return OptionalDouble.of(dl ? pct / 2 : 0.5 + pct / 2);
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }

    /** The human part of a status line ("Installing postgresql-15"), or the line itself. */
    public static String text(String line) {
        String[] parts = line.split(":", 4);
        return parts.length == 4 && (line.startsWith("dlstatus:") || line.startsWith("pmstatus:")) ? parts[3] : line;
    }
}
