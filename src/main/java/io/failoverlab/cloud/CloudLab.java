package io.failoverlab.cloud;

import java.time.OffsetDateTime;
import java.util.List;

/** A lab found in the cloud by its label: its VMs, their state and what it costs. */
public record CloudLab(String labId, String project, List<GceInstance> vms, OffsetDateTime created,
                       double perHour, double totalSoFar, boolean reminderDue) {

    /** "RUNNING 3/3", "STOPPED 0/3", "PARTIAL 1/3 (TERMINATED, ...)" */
    public String state() {
        long running = vms.stream().filter(GceInstance::running).count();
        if (running == vms.size()) return "RUNNING " + running + "/" + vms.size();
        if (running == 0) return "STOPPED 0/" + vms.size();
        return "PARTIAL " + running + "/" + vms.size();
    }
}
