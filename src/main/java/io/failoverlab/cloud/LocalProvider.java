package io.failoverlab.cloud;

import io.failoverlab.lab.HostSpec;
import io.failoverlab.lab.InstanceSpec;
import io.failoverlab.lab.LabSpec;
import io.failoverlab.lab.Layout;

import java.util.List;

/** This machine: one host, every instance on it (the default lab). */
public final class LocalProvider implements Provider {
    @Override
    public String kind() { return "local"; }

    @Override
    public Provisioned provision(LabSpec lab, Progress progress) {
        lab.hosts.clear();
        lab.hosts.add(HostSpec.local());
        for (InstanceSpec i : lab.instances()) i.host = "local";
        return new Provisioned(List.copyOf(lab.hosts), Layout.SINGLE, "this machine");
    }
}
