package io.failoverlab.cloud;

import io.failoverlab.lab.LabSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * Names of a lab's resources. Instances carry the label failover-lab=&lt;lab id&gt;; firewall
 * rules cannot carry labels in GCE, so they carry the lab's network tag as their target and
 * "failover-lab=&lt;lab id&gt;" as their description, and both are checked before a delete.
 */
public final class GceNames {
    public static final String LABEL = "failover-lab";

    private GceNames() { }

    /** VM name of a host id: lab id + "-" + host id (monitor, node1, ... or vm). */
    public static String vm(LabSpec lab, String hostId) { return lab.labId() + "-" + hostId; }

    public static List<String> vms(LabSpec lab, List<String> hostIds) {
        List<String> out = new ArrayList<>();
        for (String h : hostIds) out.add(vm(lab, h));
        return out;
    }

    public static String hostIdOf(LabSpec lab, String vmName) {
        return vmName.substring(lab.labId().length() + 1);
    }

    /** Network tag of the lab's VMs: what both firewall rules target. */
    public static String tag(LabSpec lab) { return "fl-" + lab.labId(); }

    public static String sshRule(LabSpec lab) { return lab.labId() + "-allow-ssh"; }

    public static String pgRule(LabSpec lab) { return lab.labId() + "-allow-pg"; }

    public static String description(LabSpec lab) { return LABEL + "=" + lab.labId(); }

    /** What GCE accepts as an instance, firewall rule or network tag name (compute REST reference). */
    static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[a-z](?:[-a-z0-9]{0,61}[a-z0-9])?");

    /** One sentence per host id whose VM name GCE would refuse; checked before any gcloud call. */
    public static List<String> problems(LabSpec lab, List<String> hostIds) {
        List<String> out = new ArrayList<>();
        for (String h : hostIds) {
            String vm = vm(lab, h);
            if (!NAME.matcher(vm).matches()) {
                out.add("'" + h + "' makes the VM name '" + vm + "', which GCE refuses: names are lowercase letters, digits and '-', "
                        + "start with a letter and have at most 63 characters; rename it in the lab profile.");
            }
        }
        return out;
    }
}
