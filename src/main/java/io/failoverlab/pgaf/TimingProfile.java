package io.failoverlab.pgaf;

import io.failoverlab.lab.Msg;
import io.failoverlab.lab.LabException;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Failure-detection timings: the monitor's GUCs (set by ALTER SYSTEM + pg_reload_conf, as the
 * monitor's superuser) and the keepers' network partition timeout (pg_autoctl config set).
 * `fast` is for demos on a quiet network: failover within seconds; the keeper's partition
 * timeout stays below the demote timeout so a cut-off old primary fences itself before the
 * standby is promoted.
 */
public record TimingProfile(String name, Map<String, String> monitorSettings, int networkPartitionTimeoutSeconds) {

    public static final TimingProfile DEFAULT = new TimingProfile("default", ordered(
            "pgautofailover.health_check_period", "5000",
            "pgautofailover.health_check_timeout", "5000",
            "pgautofailover.health_check_max_retries", "2",
            "pgautofailover.health_check_retry_delay", "2000",
            "pgautofailover.node_considered_unhealthy_timeout", "20000",
            "pgautofailover.primary_demote_timeout", "30000"), 20);

    public static final TimingProfile FAST = new TimingProfile("fast", ordered(
            "pgautofailover.health_check_period", "1000",
            "pgautofailover.health_check_timeout", "1000",
            "pgautofailover.health_check_max_retries", "1",
            "pgautofailover.health_check_retry_delay", "500",
            "pgautofailover.node_considered_unhealthy_timeout", "3000",
            "pgautofailover.primary_demote_timeout", "3000"), 2);

    public static TimingProfile named(String name) {
        if ("fast".equalsIgnoreCase(name)) return FAST;
        if ("default".equalsIgnoreCase(name)) return DEFAULT;
        throw new LabException(Msg.of("profile.unknown", String.valueOf(name)));
    }

    /** Which profile the monitor's current settings (name → value in ms) match: fast, default or custom. */
    public static String recognise(Map<String, String> current) {
        for (TimingProfile p : new TimingProfile[]{FAST, DEFAULT}) {
            boolean all = p.monitorSettings.entrySet().stream()
                    .allMatch(e -> e.getValue().equals(current.get(e.getKey())));
            if (all) return p.name;
        }
        return "custom";
    }

    /**
     * Seconds from a primary's death to a writable new primary, from the settings in force:
     * keeper silence for the unhealthy timeout (health checks run meanwhile), then the demote
     * timeout, plus ~1 s of keeper round trips.
     */
    public static double expectedFailoverSeconds(Map<String, String> current) {
        double unhealthy = ms(current, "pgautofailover.node_considered_unhealthy_timeout", 20000);
        double demote = ms(current, "pgautofailover.primary_demote_timeout", 30000);
        return (unhealthy + demote) / 1000.0 + 1.0;
    }

    /**
     * A cut-off primary (the cut refuses TCP, so each health check fails at once): the monitor acts
     * once the keeper has been silent for the unhealthy timeout and the checks have failed
     * (whichever is later), then waits the demote timeout, plus ~1 s.
     */
    public static double expectedPartitionFailoverSeconds(Map<String, String> current) {
        return monitorJudgesUnhealthySeconds(current) + ms(current, "pgautofailover.primary_demote_timeout", 30000) / 1000.0 + 1.0;
    }

    /** Seconds until the monitor marks a cut-off node unhealthy (silence and failed health checks). */
    public static double monitorJudgesUnhealthySeconds(Map<String, String> current) {
        double unhealthy = ms(current, "pgautofailover.node_considered_unhealthy_timeout", 20000);
        double period = ms(current, "pgautofailover.health_check_period", 5000);
        double retries = ms(current, "pgautofailover.health_check_max_retries", 2);
        double delay = ms(current, "pgautofailover.health_check_retry_delay", 2000);
        double checksFail = period + retries * delay; // refused at once: no connect timeout to wait out
        return Math.max(unhealthy, checksFail) / 1000.0;
    }

    /**
     * A primary with neither monitor nor standby contact for network_partition_timeout stops itself;
     * pg_stat_replication lists the standby until wal_sender_timeout ends its walsender, and the
     * keeper counts the partition timeout from its last sight of it; plus ~1 s of keeper loop.
     */
    public static double expectedSelfDemoteSeconds(double networkPartitionTimeoutSeconds, double walSenderTimeoutSeconds) {
        return walSenderTimeoutSeconds + networkPartitionTimeoutSeconds + 1.0;
    }

    /**
     * A time GUC as current_setting shows it ("20s", "500ms", "1min", or bare milliseconds) in
     * seconds; dflt when absent or unreadable.
     */
    public static double seconds(String shown, double dflt) {
        if (shown == null || shown.isBlank()) return dflt;
        Matcher m = Pattern.compile("\\s*([0-9.]+)\\s*(ms|s|min|h)?\\s*").matcher(shown);
        if (!m.matches()) return dflt;
        double v = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "ms" : m.group(2);
        switch (unit) {
            case "s": return v;
            case "min": return v * 60;
            case "h": return v * 3600;
            default: return v / 1000.0;
        }
    }

    private static double ms(Map<String, String> m, String k, double dflt) {
        try {
            return Double.parseDouble(m.getOrDefault(k, String.valueOf(dflt)));
        } catch (NumberFormatException e) {
            return dflt;
        }
    }

    private static Map<String, String> ordered(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
        return java.util.Collections.unmodifiableMap(m);
    }
}
