package io.failoverlab.remote;

import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.KeyPair;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/** SSH key pairs the app makes itself (for cloud VMs and the tests). */
public final class KeyPairs {
    private KeyPairs() { }

    /**
     * Writes an unencrypted ed25519 key in the OpenSSH format (mode 600) and its {@code .pub}
     * beside it; returns the public key line ("ssh-ed25519 AAAA... comment").
     */
    public static String generateEd25519(Path privateKey, String comment) throws IOException {
        KeyPair kp;
        try {
            kp = KeyPair.genKeyPair(new JSch(), KeyPair.ED25519);
        } catch (JSchException e) {
            throw new IOException("Cannot generate an ed25519 key: " + e.getMessage(), e);
        }
        try {
            ByteArrayOutputStream prv = new ByteArrayOutputStream();
            kp.writeOpenSSHv1PrivateKey(prv, null);
            ByteArrayOutputStream pub = new ByteArrayOutputStream();
            kp.writePublicKey(pub, comment == null ? "" : comment);
            Path dir = privateKey.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            // Created 600 from the start, so the private key is never readable by others.
            Path tmp = Files.createTempFile(dir, ".key", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.write(tmp, prv.toByteArray());
            Files.move(tmp, privateKey, StandardCopyOption.REPLACE_EXISTING);
            String line = pub.toString(StandardCharsets.US_ASCII).strip();
            Files.writeString(privateKey.resolveSibling(privateKey.getFileName() + ".pub"), line + "\n");
            return line;
        } catch (JSchException e) {
            throw new IOException("Cannot write the ed25519 key " + privateKey + ": " + e.getMessage(), e);
        } finally {
            kp.dispose();
        }
    }
}
