package io.failoverlab.cloud;

import java.util.Map;

/**
 * Static on-demand prices (USD, Linux, compute only) from the research in docs (gce.md §3):
 * approximate, dated, us-central1 only. E2 types are priced from the E2 rates per vCPU-hour and
 * GB-hour (shared-core types bill 0.25/0.5/1 vCPU), which reproduce gce.md's quoted e2-small,
 * e2-medium and e2-standard-2 prices.
 */
public final class PriceTable {
    public static final String DATE = "2026-11";
    public static final String REGION = "us-central1";
    static final double E2_VCPU_HOUR = 0.021811;
    static final double E2_GB_HOUR = 0.002923;
    /** In-use external IPv4 address, per hour. */
    public static final double EXTERNAL_IP_HOUR = 0.005;
    public static final double HOURS_PER_MONTH = 730;

    /** machine type → {billed vCPUs, GB memory} */
    private static final Map<String, double[]> E2 = Map.of(
            "e2-micro", new double[]{0.25, 1},
            "e2-small", new double[]{0.5, 2},
            "e2-medium", new double[]{1, 4},
            "e2-standard-2", new double[]{2, 8},
            "e2-standard-4", new double[]{4, 16});

    /** Disk type → USD per GB-month. */
    private static final Map<String, Double> DISK = Map.of("pd-balanced", 0.10, "pd-standard", 0.04);

    private PriceTable() { }

    /** Per hour in us-central1, or NaN when the table has no price for this type. */
    public static double machineHour(String machineType) {
        double[] m = E2.get(machineType);
        return m == null ? Double.NaN : m[0] * E2_VCPU_HOUR + m[1] * E2_GB_HOUR;
    }

    public static double diskHour(String diskType, int gb) {
        Double month = DISK.get(diskType);
        return month == null ? Double.NaN : month * gb / HOURS_PER_MONTH;
    }

    public static boolean knowsRegion(String region) { return REGION.equals(region); }
}
