package io.failoverlab.cloud;

import io.failoverlab.lab.HostSpec;
import io.failoverlab.lab.Layout;
import io.failoverlab.lab.Msg;

import java.util.List;

/**
 * What provisioning handed back: the lab's hosts (address, user, key, instance id) and its layout.
 * said is the same sentence as data (the window shows it in its language), or null.
 */
public record Provisioned(List<HostSpec> hosts, Layout layout, String summary, Msg said) {
    public Provisioned(List<HostSpec> hosts, Layout layout, String summary) {
        this(hosts, layout, summary, null);
    }

    public Provisioned(List<HostSpec> hosts, Layout layout, Msg said) {
        this(hosts, layout, said.english(), said);
    }

    /** The step's message: the sentence as data when there is one, else its text. */
    public Object message() { return said != null ? said : summary; }
}
