package io.failoverlab.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.jcraft.jsch.HostKey;
import com.jcraft.jsch.JSchException;
import io.failoverlab.remote.KnownHostsFile;

import java.util.Base64;
import java.util.List;

/**
 * Pre-seeds the app's known_hosts with the host keys a VM's guest agent published as guest
 * attributes (hostkeys/*), under the instance id rather than the address: ephemeral external
 * IPs are reused, so an address-keyed entry would cry "host key changed" for a new VM — or
 * worse, trust an old key. A pinned key makes the first SSH contact a check, not a guess.
 */
public final class HostKeyPins {
    private HostKeyPins() { }

    /** Returns how many keys were pinned (0 when the VM published none yet). */
    public static int pin(KnownHostsFile knownHosts, String alias, JsonNode guestAttributes) {
        int n = 0;
        for (JsonNode a : guestAttributes) {
            if (!"hostkeys".equals(a.path("namespace").asText("hostkeys"))) continue;
            if (pinKey(knownHosts, alias, a.path("value").asText(""))) n++;
        }
        return n;
    }

    /**
     * Pins one public key ("AAAA..." or "ssh-ed25519 AAAA... comment") under alias, replacing a key
     * of the same type: the key given is the truth for this instance id. False when it is not a key.
     */
    public static boolean pinKey(KnownHostsFile knownHosts, String alias, String publicKey) {
        String[] parts = publicKey.strip().split("\\s+");
        String b64 = parts.length > 1 ? parts[1] : parts[0];
        byte[] blob;
        try {
            blob = Base64.getDecoder().decode(b64);
        } catch (IllegalArgumentException bad) {
            return false;
        }
        if (blob.length < 8) return false;
        String type = KnownHostsFile.keyType(blob);
        if (knownHosts.getHostKey(alias, type).length > 0) knownHosts.remove(alias, type);
        try {
            knownHosts.add(new HostKey(alias, HostKey.GUESS, blob), null);
            return true;
        } catch (JSchException e) {
            return false; // a key type this JSch does not know: the other types still pin the host
        }
    }

    public static List<String> fingerprints(KnownHostsFile knownHosts, String alias) {
        return java.util.Arrays.stream(knownHosts.getHostKey(alias, null))
                .map(k -> KnownHostsFile.fingerprint(Base64.getDecoder().decode(k.getKey()))).toList();
    }
}
