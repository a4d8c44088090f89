package io.failoverlab.cloud.machines;

import io.failoverlab.lab.LabException;
import io.failoverlab.lab.MachinesSettings;

import java.util.ArrayList;
import java.util.List;

/** What booting machines on this computer needs, checked before anything is made; one sentence each. */
public final class Preflight {
    private Preflight() { }

    /** The Debian packages missing on this computer for machines (empty when nothing is missing). */
    public static List<String> missingPackages() {
        List<String> p = new ArrayList<>();
        if (RootCommands.which("systemd-nspawn") == null) p.add("systemd-container");
        if (RootCommands.which("debootstrap") == null) p.add("debootstrap");
        if (RootCommands.which("apt-cacher-ng") == null) p.add("apt-cacher-ng");
        if (RootCommands.which("ip") == null) p.add("iproute2");
        return p;
    }

    static void check(MachinesSettings s) {
        List<String> problems = s.problems();
        if (!problems.isEmpty()) throw new LabException(String.join(" ", problems));
        if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
            throw new LabException("Machines on this computer need Linux (systemd-nspawn); use a GCE or hosts lab here.");
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            throw new LabException("Machines on this computer are made and booted as root (network namespaces, systemd-nspawn): "
                    + "run the console with sudo, or use the local lab.");
        }
        List<String> missing = missingPackages();
        if (!missing.isEmpty()) {
            throw new LabException("Machines on this computer need " + String.join(", ", missing) + ", which "
                    + (missing.size() == 1 ? "is" : "are") + " not installed: apt-get install " + String.join(" ", missing) + ".");
        }
    }
}
