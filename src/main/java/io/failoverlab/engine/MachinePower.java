package io.failoverlab.engine;

import java.util.Map;

/**
 * A lab whose machines can be switched off: machines on this computer (a power cut of the machine's
 * whole process tree) or GCE VMs (`instances stop`). The wiring hands the provider's calls to the
 * engine, so operations (kill-primary --mode vm|reboot, start-node, the scenario) need no provider.
 */
public interface MachinePower {
    /** "machines" or "gce": the words a result uses ("machine", "VM"). */
    String kind();

    /** Cuts the power (machines) or stops the VM (gce). */
    void powerOff(String hostId) throws Exception;

    /** Boots the machine or starts the VM; returns once SSH answers. */
    void powerOn(String hostId) throws Exception;

    /** A clean reboot through systemd; returns once SSH answers again. */
    void reboot(String hostId) throws Exception;

    /** Deletes the machine and makes a new one in its place (replace-monitor --new-machine); returns once SSH answers. */
    void replace(String hostId) throws Exception;

    /** Whether the machine is running now. */
    boolean isOn(String hostId) throws Exception;

    /**
     * Every machine of the lab at once, host id → running now, from one look (a watch of all nodes
     * asks this instead of isOn per node, each of which looks at every machine). The lab's wiring
     * (LabRuntime) implements it; a power switch that cannot look at all at once does not.
     */
    default Map<String, Boolean> states() throws Exception {
        throw new UnsupportedOperationException("this power switch (" + kind() + ") has no look at all machines at once");
    }
}
