package io.failoverlab.ui.labs;

import io.failoverlab.cloud.CloudLab;
import io.failoverlab.cloud.GceProvider;
import io.failoverlab.cloud.Providers;
import io.failoverlab.cloud.machines.MachinesProvider;
import io.failoverlab.lab.GceSettings;
import io.failoverlab.lab.LabSpec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds the Labs window's rows: the stored profiles, and for gce labs what gcloud finds under
 * their label (one list call per gcloud + project). Slow (gcloud): never on the FX thread.
 */
final class LabRows {
    private LabRows() { }

    static List<LabRow> load(LabsContext ctx) {
        List<LabSpec> stored = ctx.store().list();
        // one `instances list` per (gcloud, project): a class of 30 labs costs one call, not 30
        Map<List<String>, List<LabSpec>> groups = new LinkedHashMap<>();
        for (LabSpec l : stored) {
            if (l.isCloud() && l.gce != null) {
                groups.computeIfAbsent(java.util.Arrays.asList(l.gce.gcloud, l.gce.project), k -> new ArrayList<>()).add(l);
            }
        }
        Map<LabSpec, CloudLab> found = new HashMap<>();
        Map<LabSpec, String> failed = new HashMap<>();
        Providers.Options o = ctx.options();
        for (List<LabSpec> labs : groups.values()) {
            LabSpec first = labs.get(0);
            try {
                GceProvider gce = Providers.gce(first.gce.gcloud, o);
                GceSettings template = first.gce.copy();
                Map<String, CloudLab> byId = new HashMap<>();
                for (CloudLab c : gce.list(template)) byId.put(c.labId(), c);
                for (LabSpec l : labs) {
                    CloudLab c = byId.get(l.labId());
                    if (c != null) found.put(l, c);
                }
            } catch (RuntimeException e) {
                String why = Objects.requireNonNullElse(e.getMessage(), e.toString());
                for (LabSpec l : labs) failed.put(l, why);
            }
        }
        List<LabRow> rows = new ArrayList<>();
        for (LabSpec l : stored) {
            if (l.runsOnMachines()) rows.add(machinesRow(l));
            else rows.add(failed.containsKey(l) ? LabRow.unknown(l, failed.get(l)) : LabRow.of(l, found.get(l)));
        }
        return rows;
    }

    /** A machines lab: its state folder says which machines exist and which are running (no SSH). */
    private static LabRow machinesRow(LabSpec l) {
        try {
            return LabRow.machines(l, new MachinesProvider(null, null, null).machineStates(l));
        } catch (RuntimeException e) {
            return LabRow.unknown(l, Objects.requireNonNullElse(e.getMessage(), e.toString()));
        }
    }

    /** One gce lab as the cloud sees it now (the status bar's cost), or null when it has no VMs. */
    static CloudLab find(LabsContext ctx, LabSpec lab) {
        GceProvider gce = Providers.gce(lab.gce.gcloud, ctx.options());
        for (CloudLab c : gce.list(lab.gce.copy())) if (c.labId().equals(lab.labId())) return c;
        return null;
    }
}
