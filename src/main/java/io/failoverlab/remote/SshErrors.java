package io.failoverlab.remote;

import com.jcraft.jsch.JSchException;
import io.failoverlab.lab.LabException;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

/** Turns JSch's terse failures into one sentence that names user@host:port and what to check. */
final class SshErrors {
    private SshErrors() { }

    static LabException connectFailure(String who, String host, String keyFile, int timeoutSeconds, JSchException e) {
        String msg = String.valueOf(e.getMessage());
        Throwable c = rootCause(e);
        if (c instanceof UnknownHostException) {
            return new LabException("Cannot connect to " + who + ": the host name '" + host + "' is not known (DNS lookup failed).", e);
        }
        if (c instanceof ConnectException) {
            return new LabException("Cannot connect to " + who + ": the connection was refused (is sshd running and is the port right?).", e);
        }
        if (c instanceof NoRouteToHostException) {
            return new LabException("Cannot connect to " + who + ": there is no route to that host.", e);
        }
        if (c instanceof SocketTimeoutException || msg.startsWith("timeout")) {
            return new LabException("Cannot connect to " + who + ": no answer within " + timeoutSeconds
                    + " s (is the machine up, or does a firewall drop the port?).", e);
        }
        if (msg.contains("Auth fail") || msg.contains("USERAUTH fail")) {
            return new LabException(who + " refused the SSH key " + keyFile
                    + " (authentication failed: is its public key in that user's authorized_keys?).", e);
        }
        return new LabException("Cannot connect to " + who + ": " + msg + ".", e);
    }

    static LabException sudoRefused(String user, String host, String who) {
        return new LabException("User " + user + " has no password-less sudo rights on " + host
                + " (" + who + "), which this step needs: give it NOPASSWD sudo or log in as root.");
    }

    private static Throwable rootCause(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) c = c.getCause();
        return c;
    }
}
