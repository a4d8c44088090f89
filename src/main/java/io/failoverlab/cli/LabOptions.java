package io.failoverlab.cli;

import io.failoverlab.lab.Msg;
import io.failoverlab.engine.AppPaths;
import io.failoverlab.lab.LabException;
import io.failoverlab.lab.LabProfiles;
import io.failoverlab.lab.LabSpec;
import io.failoverlab.lab.LabValidator;

import java.nio.file.Path;

/** The lab the common options name: a profile or the local lab, with their overrides applied and checked. */
public final class LabOptions {
    private LabOptions() { }

    /** What the window takes from its command line: the same common options as every verb. */
    public record Window(LabSpec lab, AppPaths paths, String lang) { }

    /** Parses the window's command line; a bad option or lab is a LabException with one sentence. */
    public static Window window(String[] args) {
        CommonOptions o = Cli.windowOptions(args);
        return new Window(o.lab(), o.paths(), o.lang());
    }

    /**
     * labFile null: the local lab, where --node-ports A,B,C makes that many data nodes; with a
     * profile, --node-ports gives its nodes' ports one for one.
     */
    public static LabSpec lab(String labFile, String dataDir, Integer monitorPort, String nodePorts, boolean noInstall) {
        LabSpec lab = labFile == null ? LabSpec.localDefault() : LabProfiles.load(Path.of(labFile));
        if (labFile != null) lab.profileFile = Path.of(labFile);
        if (dataDir != null) lab.dataDir = dataDir;
        if (monitorPort != null) lab.monitor.port = monitorPort;
        if (nodePorts != null) {
            int[] ports = ports(nodePorts);
            if (labFile == null) {
                if (ports.length < 2) {
                    throw new LabException(Msg.of("cli.nodePorts.tooFew"));
                }
                LabSpec sized = LabSpec.local(lab.dataDir, lab.monitor.port, ports);
                lab.nodes.clear();
                lab.nodes.addAll(sized.nodes);
            } else if (ports.length != lab.nodes.size()) {
                throw new LabException(Msg.of("cli.nodePorts.count", ports.length, lab.nodes.size()));
            } else {
                for (int i = 0; i < ports.length; i++) lab.nodes.get(i).port = ports[i];
            }
        }
        if (noInstall) lab.installPackages = false;
        LabValidator.check(lab);
        return lab;
    }

    private static int[] ports(String list) {
        String[] parts = list.split(",");
        int[] ports = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                ports[i] = Integer.parseInt(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new LabException(Msg.of("cli.nodePorts.notNumbers", list));
            }
        }
        return ports;
    }
}
