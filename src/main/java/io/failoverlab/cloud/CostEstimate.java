package io.failoverlab.cloud;

import io.failoverlab.lab.GceSettings;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Locale;

/**
 * Estimated cost of a running lab: per hour (machines + boot disks + external addresses) and the
 * running total since creation. Prices come from PriceTable; stopped VMs still pay for disks,
 * but this estimate is for the running lab, the one students forget.
 */
public record CostEstimate(double perHour, String note) {

    public static CostEstimate of(GceSettings s, int vms) {
        double m = PriceTable.machineHour(s.machineType);
        double d = PriceTable.diskHour(s.diskType, s.bootDiskGb);
        if (Double.isNaN(m) || Double.isNaN(d)) {
            return new CostEstimate(Double.NaN, "no price for " + s.machineType + " / " + s.diskType + " in the table of " + PriceTable.DATE);
        }
        double perHour = vms * (m + d + PriceTable.EXTERNAL_IP_HOUR);
        String note = "prices of " + PriceTable.DATE + ", " + PriceTable.REGION
                + (PriceTable.knowsRegion(s.region()) ? "" : " (no table for " + s.region() + "; " + PriceTable.REGION + " prices used)");
        return new CostEstimate(perHour, note);
    }

    public boolean known() { return !Double.isNaN(perHour); }

    public double totalSince(OffsetDateTime created, Instant now) {
        if (created == null || !known()) return Double.NaN;
        return perHour * hoursSince(created, now);
    }

    public static double hoursSince(OffsetDateTime created, Instant now) {
        return Math.max(0, Duration.between(created.toInstant(), now).toMillis() / 3_600_000.0);
    }

    /** True when the lab has run at least the chosen number of hours. */
    public static boolean reminderDue(OffsetDateTime created, Instant now, double thresholdHours) {
        return created != null && thresholdHours > 0 && hoursSince(created, now) >= thresholdHours;
    }

    public static String usd(double v) {
        return Double.isNaN(v) ? "?" : String.format(Locale.ROOT, "$%.4f", v);
    }
}
