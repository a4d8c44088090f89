package io.failoverlab.cloud;

import io.failoverlab.lab.HostSpec;
import io.failoverlab.lab.Layout;

import java.util.List;

/** What provisioning handed back: the lab's hosts (address, user, key, instance id) and its layout. */
public record Provisioned(List<HostSpec> hosts, Layout layout, String summary) { }
