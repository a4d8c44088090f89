package io.failoverlab.cloud;

import io.failoverlab.lab.LabSpec;
import io.failoverlab.remote.KeyPairs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A provisioned lab's own SSH key (ed25519, made once, mode 600); only its public half goes to the machines. */
public final class LabKeys {
    private LabKeys() { }

    public static Path file(Path keysDir, LabSpec lab) { return keysDir.resolve(lab.labId() + "_ed25519"); }

    /** Returns the public key line, making the pair first when it is missing. */
    public static String ensure(Path keysDir, LabSpec lab, String comment) {
        Path k = file(keysDir, lab);
        try {
            Path pub = Path.of(k + ".pub");
            if (Files.isRegularFile(k) && Files.isRegularFile(pub)) return Files.readString(pub).strip();
            return KeyPairs.generateEd25519(k, comment);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot make the lab's SSH key " + k + ".", e);
        }
    }

    public static void delete(Path keysDir, LabSpec lab) {
        Path k = file(keysDir, lab);
        try {
            Files.deleteIfExists(k);
            Files.deleteIfExists(Path.of(k + ".pub"));
        } catch (IOException ignored) {
            // a key left behind is harmless: nothing accepts it once its machines are gone
        }
    }
}
