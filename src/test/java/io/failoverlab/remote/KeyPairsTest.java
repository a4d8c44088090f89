package io.failoverlab.remote;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.*;

class KeyPairsTest {
    @TempDir Path tmp;

    @Test
    void writesAnOpenSshEd25519KeyThatSshKeygenReads() throws IOException {
        Path key = tmp.resolve("keys/id_ed25519");
        String pub = KeyPairs.generateEd25519(key, "lab@failover");
        assertTrue(pub.matches("ssh-ed25519 AAAA[A-Za-z0-9+/=]+ lab@failover"), pub);
        assertTrue(Files.readString(key).startsWith("-----BEGIN OPENSSH PRIVATE KEY-----"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
        assertEquals(pub + "\n", Files.readString(tmp.resolve("keys/id_ed25519.pub")));
        // OpenSSH itself derives the same public key from the private key file.
        String derived = new LocalShell().check(Command.of("ssh-keygen -y -f " + key)).stdout().strip();
        assertEquals(pub.split(" ")[1], derived.split(" ")[1]);
    }
}
