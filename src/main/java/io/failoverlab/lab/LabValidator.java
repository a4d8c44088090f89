package io.failoverlab.lab;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks a lab spec before anything is created; each problem is one sentence saying what and where. */
public final class LabValidator {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,62}");

    private LabValidator() { }

    public static List<String> problems(LabSpec lab) {
        List<String> p = new ArrayList<>();
        if (lab.monitor == null) p.add("The lab has no monitor.");
        if (lab.nodes == null || lab.nodes.isEmpty()) p.add("The lab has no data nodes.");
        if (lab.dataDir == null || !lab.dataDir.startsWith("/") || lab.dataDir.matches(".*\\s.*")) {
            p.add("Data folder '" + lab.dataDir + "' must be an absolute path without spaces.");
        }
        if (lab.database == null || lab.database.isBlank()) p.add("The database name is empty.");
        // A cloud lab gets its hosts when it is provisioned; until then only its settings are checked.
        boolean unprovisioned = lab.isProvisioned() && (lab.hosts == null || lab.hosts.isEmpty());
        if (lab.isCloud()) {
            if (lab.gce == null) p.add("The lab's provider is gce, but its gce settings are missing.");
            else p.addAll(lab.gce.problems());
        }
        if (lab.runsOnMachines()) {
            if (lab.machines == null) p.add("The lab's provider is machines, but its machines settings are missing.");
            else p.addAll(lab.machines.problems());
        }
        if (!unprovisioned && (lab.hosts == null || lab.hosts.isEmpty())) p.add("The lab defines no hosts.");
        Set<String> names = new HashSet<>();
        Set<String> hostPorts = new HashSet<>();
        for (InstanceSpec i : lab.instances()) {
            String where = i.name == null ? "an unnamed instance" : "'" + i.name + "'";
            if (i.name == null || !NAME.matcher(i.name).matches()) {
                p.add("Instance name " + where + " is not valid: use letters, digits, '-', '_' or '.', no spaces.");
            } else if (!names.add(i.name)) {
                p.add("Instance name '" + i.name + "' is used twice.");
            }
            if (i.port < 1024 || i.port > 65535) {
                p.add("Port " + i.port + " of " + where + " is out of range (1024-65535).");
            }
            if (unprovisioned) {
                // hosts come with provisioning
            } else if (lab.host(i.host).isEmpty()) {
                p.add("Instance " + where + " names host '" + i.host + "', which the lab does not define.");
            } else if (!hostPorts.add(i.host + ":" + i.port)) {
                p.add("Port " + i.port + " on host '" + i.host + "' is given to two instances.");
            }
            if (i.candidatePriority < 0 || i.candidatePriority > 100) {
                p.add("Candidate priority of " + where + " must be between 0 and 100.");
            }
        }
        for (HostSpec h : lab.hosts == null ? List.<HostSpec>of() : lab.hosts) {
            if (!h.local) {
                if (h.address == null || h.address.isBlank() || h.address.matches(".*\\s.*")) {
                    p.add("Host '" + h.id + "' has no valid address.");
                }
                if (h.sshPort < 1 || h.sshPort > 65535) p.add("SSH port " + h.sshPort + " of host '" + h.id + "' is out of range.");
                if (h.user == null || h.user.isBlank()) p.add("Host '" + h.id + "' has no SSH user.");
            }
        }
        return p;
    }

    public static void check(LabSpec lab) {
        List<String> p = problems(lab);
        if (!p.isEmpty()) throw new LabException(String.join(" ", p));
    }
}
