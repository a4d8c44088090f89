package io.failoverlab.lab;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A machine of the lab. {@code local} hosts are this machine (LocalShell); the others are
 * reached over SSH. The address doubles as the address pg_auto_failover advertises
 * (pg_autoctl --hostname), so it must be reachable from the other hosts.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class HostSpec {
    public String id = "local";
    public boolean local = true;
    /** Address used by SSH and advertised to pg_auto_failover. */
    public String address = "127.0.0.1";
    public int sshPort = 22;
    public String user;
    /** Private key file (ed25519 or RSA). Its passphrase is never stored in the profile. */
    public String keyFile;
    /** For cloud hosts: the provider's instance id, used to pin the SSH host key. */
    public String instanceId;
    /**
     * Address the other hosts reach this one at, when it differs from the SSH address (a cloud
     * VM's internal IP: SSH goes to its external IP, PostgreSQL traffic stays inside the network).
     */
    public String internalAddress;

    public HostSpec() { }

    public static HostSpec local() { return new HostSpec(); }

    public static HostSpec ssh(String id, String address, int port, String user, String keyFile) {
        HostSpec h = new HostSpec();
        h.id = id;
        h.local = false;
        h.address = address;
        h.sshPort = port;
        h.user = user;
        h.keyFile = keyFile;
        return h;
    }

    /** What pg_auto_failover advertises for this host. */
    @JsonIgnore
    public String advertisedAddress() {
        return internalAddress == null || internalAddress.isBlank() ? address : internalAddress;
    }

    @JsonIgnore
    public String label() {
        return local ? "this machine" : (user == null ? "" : user + "@") + address + ":" + sshPort;
    }
}
