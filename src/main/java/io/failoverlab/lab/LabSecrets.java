package io.failoverlab.lab;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * The generated passwords of one lab whose roles span several hosts (auth scram-sha-256 or md5).
 * Never part of the lab profile: {@link LabSecretsStore} keeps them in a file of their own
 * (mode 600). Each is 32 characters of [A-Za-z0-9] (about 190 bits): strong, and safe in a
 * URI, a shell word and an SQL literal alike.
 *
 * <ul>
 *   <li>{@code autoctlNode}: the monitor's role autoctl_node, which every keeper (and the
 *       console) logs in as; it travels in the monitor URI the nodes register with.</li>
 *   <li>{@code replicator}: pgautofailover_replicator on the data nodes (streaming replication,
 *       pg_basebackup, pg_rewind); also each node's {@code replication.password}.</li>
 * </ul>
 * The monitor's health checks need none: pg_autoctl itself gives its role pgautofailover_monitor
 * a trust rule for the monitor's address only, with a connection limit of 1 and no rights.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public class LabSecrets {
    static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    static final int LENGTH = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    public String autoctlNode;
    public String replicator;

    public static LabSecrets generate() {
        LabSecrets s = new LabSecrets();
        s.autoctlNode = password();
        s.replicator = password();
        return s;
    }

    public static String password() {
        StringBuilder sb = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        return sb.toString();
    }

    @JsonIgnore
    public boolean complete() {
        return autoctlNode != null && !autoctlNode.isBlank() && replicator != null && !replicator.isBlank();
    }

    /** Every secret value, for masking logs. */
    @JsonIgnore
    public List<String> values() {
        List<String> v = new ArrayList<>();
        if (autoctlNode != null && !autoctlNode.isEmpty()) v.add(autoctlNode);
        if (replicator != null && !replicator.isEmpty()) v.add(replicator);
        return v;
    }

    @Override
    public String toString() { return "LabSecrets[****]"; }
}
