package io.failoverlab.cloud;

import io.failoverlab.lab.LabException;
import io.failoverlab.lab.Msg;
import io.failoverlab.lab.LabSpec;

import java.util.List;

/**
 * Where a lab's machines come from: this machine, hosts the user already has, or Compute
 * Engine. Provisioning is one call for either layout and fills in the lab's hosts.
 */
public interface Provider {
    /** "local", "hosts", "machines" or "gce". */
    String kind();

    /** Makes the machines exist and answer SSH; sets lab.hosts and each instance's host. Idempotent. */
    Provisioned provision(LabSpec lab, Progress progress);

    /** Deletes what provisioning created (nothing for machines the user owns); returns what went. */
    default List<String> destroy(LabSpec lab, Progress progress) { return List.of(); }

    /** What destroy would delete, one line each, listed first so the user sees it. */
    default List<String> resources(LabSpec lab) { return List.of(); }

    /** The labs this provider knows about (running or not). */
    default List<CloudLab> list() { return List.of(); }

    /** Stops one host's machine (the `vm` fault mode); only cloud machines can be stopped. */
    default void stop(LabSpec lab, String hostId) {
        throw new LabException(Msg.of("provider.noStop", lab.name, kind()));
    }

    default void start(LabSpec lab, String hostId) {
        throw new LabException(Msg.of("provider.noStart", lab.name, kind()));
    }

    /** Whether one host's machine runs now (hosts that cannot be powered off always do). */
    default boolean running(LabSpec lab, String hostId) { return true; }

    /** Every host of the lab, host id → whether its machine runs now, in one look where the provider can (its order: the lab's). */
    default java.util.Map<String, Boolean> runningStates(LabSpec lab) {
        java.util.Map<String, Boolean> out = new java.util.LinkedHashMap<>();
        for (io.failoverlab.lab.InstanceSpec i : lab.instances()) out.computeIfAbsent(i.host, h -> running(lab, h));
        return out;
    }

    /**
     * Deletes one host's machine, disk included, and makes a new one in its place (same host id; a
     * new disk and host key, pinned anew; a cloud may give it new addresses); returns once its SSH
     * answers. Other machines are not touched. The lab's hosts are updated.
     */
    default void replaceMachine(LabSpec lab, String hostId, Progress progress) {
        throw new LabException(Msg.of("provider.noReplace", lab.name, kind()));
    }

    /** Reboots one host's machine cleanly (the `reboot` fault mode) and returns once it answers again. */
    default void reboot(LabSpec lab, String hostId) {
        throw new LabException(Msg.of("provider.noReboot", lab.name, kind()));
    }
}
