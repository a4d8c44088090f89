package io.failoverlab.testing;

import java.util.List;

/**
 * What stands behind a VM of the local Compute API: a real host the app then reaches over SSH.
 * The API calls these from its request threads, one call at a time (it holds its own lock), and
 * turns an exception into a failed operation. Implementations: {@link NetnsVms} (a network
 * namespace with its own OpenSSH server) and {@link io.failoverlab.cloud.machines.NspawnVms} (a
 * machine of the `machines` provider: Debian booted with systemd-nspawn).
 */
public interface VmBacking extends AutoCloseable {
    /**
     * A running VM: the address the app connects to (reported as both natIP and networkIP), its
     * SSH port (the lab's gce.sshPort must match it), and its SSH host public keys as OpenSSH
     * lines ("ssh-ed25519 AAAA…"), which the API publishes as guest attributes hostkeys/&lt;type&gt;.
     */
    record Vm(String address, int sshPort, List<String> hostKeys) { }

    /**
     * Boots a new VM. {@code user} and {@code publicKey} come from the first line of the instance's
     * ssh-keys metadata ("user:ssh-ed25519 AAAA… comment"): like the guest agent, the backing must
     * let that user log in with that key and give it password-less sudo (or be root).
     */
    Vm create(String name, String user, String publicKey) throws Exception;

    /** A power cut: everything running on the VM ends at once, its disk (file system) stays. */
    void powerOff(String name) throws Exception;

    /** Boots a powered-off VM again; its address may differ from before. */
    Vm powerOn(String name) throws Exception;

    /** Powers off and removes the VM for good. Must accept a VM that is already off. */
    void delete(String name) throws Exception;

    /** Removes whatever is left (at the end of a test), even after a failure half way. */
    @Override
    void close();
}
