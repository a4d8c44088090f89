package io.failoverlab.ui.labs;

import io.failoverlab.ui.app.Messages;
import java.util.Map;

import io.failoverlab.cloud.CloudLab;
import io.failoverlab.cloud.CostEstimate;
import io.failoverlab.lab.LabSpec;

/**
 * One line of the Labs window, free of views: a stored lab with where it runs, its state and,
 * for a gce lab, what it costs per hour, what it has cost since it was created, and whether it
 * has run longer than its reminder threshold.
 *
 * @param state   one of {@link State}; {@code cloudState} carries gcloud's view ("RUNNING 3/3") or the error
 * @param perHour NaN when not priced (local / hosts labs, a gce lab without VMs, an unknown type)
 */
public record LabRow(LabSpec lab, State state, String cloudState, double perHour, double total, boolean reminderDue,
                     Map<String, String> machines) {

    public enum State { PROFILE, NOT_CREATED, CLOUD, MACHINES, UNKNOWN }

    public LabRow(LabSpec lab, State state, String cloudState, double perHour, double total, boolean reminderDue) {
        this(lab, state, cloudState, perHour, total, reminderDue, Map.of());
    }

    /** A machines lab: each host's machine "running", "off" or "missing" (none booted: not created). */
    public static LabRow machines(LabSpec lab, Map<String, String> states) {
        boolean none = states.values().stream().allMatch("missing"::equals);
        return new LabRow(lab, none ? State.NOT_CREATED : State.MACHINES, null, Double.NaN, Double.NaN, false, Map.copyOf(states));
    }

    public String name() { return lab.name; }

    public String provider() { return lab.provider == null ? "local" : lab.provider; }

    public boolean isCloud() { return lab.isCloud(); }

    /** single | per-role: the gce setting, else whether every instance shares one host. */
    public String layout() {
        if (lab.isCloud() && lab.gce != null && lab.gce.layout != null) return lab.gce.layout.id();
        if (lab.runsOnMachines() && lab.machines != null && lab.machines.layout != null) return lab.machines.layout.id();
        long hosts = lab.instances().stream().map(i -> i.host).distinct().count();
        return hosts <= 1 ? "single" : "per-role";
    }

    public double reminderHours() { return lab.gce == null ? 0 : lab.gce.reminderHours; }

    /** The row of a lab that is not in the cloud (local, hosts), or a gce lab whose VMs were not found. */
    public static LabRow of(LabSpec lab, CloudLab cloud) {
        if (!lab.isCloud()) return new LabRow(lab, State.PROFILE, null, Double.NaN, Double.NaN, false);
        if (cloud == null) return new LabRow(lab, State.NOT_CREATED, null, Double.NaN, Double.NaN, false);
        return new LabRow(lab, State.CLOUD, cloud.state(), cloud.perHour(), cloud.totalSoFar(), cloud.reminderDue());
    }

    /** gcloud could not be asked: the state says why, the cost is unknown. */
    public static LabRow unknown(LabSpec lab, String why) {
        return new LabRow(lab, State.UNKNOWN, why, Double.NaN, Double.NaN, false);
    }

    // --- what the cells say -------------------------------------------------------------------

    public String stateText(Messages m) {
        return switch (state) {
            case PROFILE -> m.tr("labs.state.profile");
            case NOT_CREATED -> m.tr(lab.runsOnMachines() ? "labs.state.noMachines" : "labs.state.notCreated");
            case CLOUD -> cloudState;
            case MACHINES -> machinesText(m);
            case UNKNOWN -> m.tr("labs.state.unknown");
        };
    }

    /** "monitor running · node1 off · node2 running" (one machine of a single lab: "vm running"). */
    private String machinesText(Messages m) {
        StringBuilder sb = new StringBuilder();
        new java.util.TreeMap<>(machines).forEach((host, st) -> {
            if (sb.length() > 0) sb.append(" · ");
            sb.append(host).append(' ').append(m.tr("labs.machine." + st));
        });
        return sb.toString();
    }

    /** "—" for local / hosts labs; "?" when a gce lab's price or state is unknown. */
    public String perHourText() { return money(perHour); }

    public String totalText() { return money(total); }

    private String money(double v) {
        if (!lab.isCloud()) return "—";
        if (state == State.NOT_CREATED) return "—";
        return CostEstimate.usd(v);
    }

    /** "" unless the lab has run past its reminder threshold. */
    public String reminderText(Messages m) {
        return reminderDue ? m.tr("labs.reminder", hours(reminderHours())) : "";
    }

    public static String hours(double h) {
        return h == Math.rint(h) ? String.valueOf((long) h) : String.format(java.util.Locale.ROOT, "%.1f", h);
    }
}
