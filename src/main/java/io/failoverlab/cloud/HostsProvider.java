package io.failoverlab.cloud;

import io.failoverlab.lab.HostSpec;
import io.failoverlab.lab.LabException;
import io.failoverlab.lab.Msg;
import io.failoverlab.lab.LabSpec;
import io.failoverlab.lab.Layout;

import java.util.ArrayList;
import java.util.List;

/**
 * Hosts the user already has (any VMs, any cloud), reached over SSH. One host takes every
 * instance; otherwise there must be one host per role, in the order monitor, node1, node2, ...
 */
public final class HostsProvider implements Provider {
    /** One machine as the user gives it. The key's passphrase is never part of it. */
    public record Machine(String address, int sshPort, String user, String keyFile) { }

    private final List<Machine> machines;

    public HostsProvider(List<Machine> machines) { this.machines = List.copyOf(machines); }

    @Override
    public String kind() { return "hosts"; }

    @Override
    public Provisioned provision(LabSpec lab, Progress progress) {
        int roles = lab.instances().size();
        Layout layout;
        if (machines.size() == 1) layout = Layout.SINGLE;
        else if (machines.size() == roles) layout = Layout.PER_ROLE;
        else throw new LabException(Msg.of("provider.hostsCount", roles, machines.size()));
        List<String> ids = layout.hostIds(lab);
        List<HostSpec> hosts = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            Machine m = machines.get(i);
            hosts.add(HostSpec.ssh(ids.get(i), m.address(), m.sshPort(), m.user(), m.keyFile()));
        }
        lab.hosts.clear();
        lab.hosts.addAll(hosts);
        layout.assign(lab);
        return new Provisioned(List.copyOf(hosts), layout, hosts.size() + " host(s) given by the user");
    }
}
