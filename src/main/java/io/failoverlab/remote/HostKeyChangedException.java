package io.failoverlab.remote;

import io.failoverlab.lab.LabException;

/** A host offered a key other than the one recorded at first contact: possibly a rebuilt machine, possibly an attack. */
public class HostKeyChangedException extends LabException {
    private final String knownFingerprint;
    private final String offeredFingerprint;

    public HostKeyChangedException(String where, String knownFingerprint, String offeredFingerprint, String knownHostsFile) {
        super("The SSH host key of " + where + " has changed (recorded " + knownFingerprint + ", now offered "
                + offeredFingerprint + "), so the connection was refused; if that machine was rebuilt, remove its line from "
                + knownHostsFile + ".");
        this.knownFingerprint = knownFingerprint;
        this.offeredFingerprint = offeredFingerprint;
    }

    public String knownFingerprint() { return knownFingerprint; }
    public String offeredFingerprint() { return offeredFingerprint; }
}
