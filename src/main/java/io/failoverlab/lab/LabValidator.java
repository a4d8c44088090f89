package io.failoverlab.lab;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks a lab spec before anything is created; each problem is one sentence (as data) saying what and where. */
public final class LabValidator {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,62}");

    private LabValidator() { }

    /** The problems in English (tests, logs); faces render {@link #messages} in their language. */
    public static List<String> problems(LabSpec lab) {
        return messages(lab).stream().map(Msg::english).toList();
    }

    public static List<Msg> messages(LabSpec lab) {
        List<Msg> p = new ArrayList<>();
        if (lab.monitor == null) p.add(Msg.of("lab.invalid.noMonitor"));
        if (lab.nodes == null || lab.nodes.isEmpty()) p.add(Msg.of("lab.invalid.noNodes"));
        if (lab.dataDir == null || !lab.dataDir.startsWith("/") || lab.dataDir.matches(".*\\s.*")) {
            p.add(Msg.of("lab.invalid.dataDir", String.valueOf(lab.dataDir)));
        }
        if (lab.database == null || lab.database.isBlank()) p.add(Msg.of("lab.invalid.noDatabase"));
        // A cloud lab gets its hosts when it is provisioned; until then only its settings are checked.
        boolean unprovisioned = lab.isProvisioned() && (lab.hosts == null || lab.hosts.isEmpty());
        if (lab.isCloud()) {
            if (lab.gce == null) p.add(Msg.of("lab.invalid.noGce"));
            else p.addAll(lab.gce.messages());
        }
        if (lab.runsOnMachines()) {
            if (lab.machines == null) p.add(Msg.of("lab.invalid.noMachines"));
            else p.addAll(lab.machines.messages());
        }
        if (!unprovisioned && (lab.hosts == null || lab.hosts.isEmpty())) p.add(Msg.of("lab.invalid.noHosts"));
        Set<String> names = new HashSet<>();
        Set<String> hostPorts = new HashSet<>();
        for (InstanceSpec i : lab.instances()) {
            Msg where = i.name == null ? Msg.of("lab.invalid.unnamed") : Msg.of("lab.invalid.named", i.name);
            if (i.name == null || !NAME.matcher(i.name).matches()) {
                p.add(Msg.of("lab.invalid.instanceName", where));
            } else if (!names.add(i.name)) {
                p.add(Msg.of("lab.invalid.nameTwice", i.name));
            }
            if (i.port < 1024 || i.port > 65535) {
                p.add(Msg.of("lab.invalid.port", i.port, where));
            }
            if (unprovisioned) {
                // hosts come with provisioning
            } else if (lab.host(i.host).isEmpty()) {
                p.add(Msg.of("lab.invalid.unknownHost", where, String.valueOf(i.host)));
            } else if (!hostPorts.add(i.host + ":" + i.port)) {
                p.add(Msg.of("lab.invalid.portTwice", i.port, i.host));
            }
            if (i.candidatePriority < 0 || i.candidatePriority > 100) {
                p.add(Msg.of("lab.invalid.priority", where));
            }
        }
        for (HostSpec h : lab.hosts == null ? List.<HostSpec>of() : lab.hosts) {
            if (!h.local) {
                if (h.address == null || h.address.isBlank() || h.address.matches(".*\\s.*")) {
                    p.add(Msg.of("lab.invalid.address", h.id));
                }
                if (h.sshPort < 1 || h.sshPort > 65535) p.add(Msg.of("lab.invalid.sshPort", h.sshPort, h.id));
                if (h.user == null || h.user.isBlank()) p.add(Msg.of("lab.invalid.noUser", h.id));
            }
        }
        return p;
    }

    public static void check(LabSpec lab) {
        List<Msg> p = messages(lab);
        if (!p.isEmpty()) throw new LabException(sentences(p));
    }

    /** Several sentences as one message, each rendered in the reader's language. */
    public static Msg sentences(List<Msg> sentences) {
        Msg all = sentences.get(sentences.size() - 1);
        for (int i = sentences.size() - 2; i >= 0; i--) all = Msg.of("text.sentences", sentences.get(i), all);
        return all;
    }
}
