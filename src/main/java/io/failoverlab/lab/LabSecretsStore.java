package io.failoverlab.lab;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

/**
 * Where a lab's generated passwords live: {@code <config>/secrets/<lab id>.json}, beside (never
 * inside) the lab profiles in {@code <config>/labs}. The folder is mode 700 and each file 600,
 * created with those modes (never readable by others, not even for a moment) and written
 * atomically (temp file + move). The same lab id as its profile; deleting a lab may delete it.
 */
public final class LabSecretsStore {
    private static final Set<PosixFilePermission> FILE_600 = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> DIR_700 = PosixFilePermissions.fromString("rwx------");
    private final Path dir;

    public LabSecretsStore(Path dir) { this.dir = dir; }

    /** {@code LabProfiles.configDir()/secrets} */
    public static LabSecretsStore inConfigDir(Path configDir) { return new LabSecretsStore(configDir.resolve("secrets")); }

    public static LabSecretsStore defaultStore() { return inConfigDir(LabProfiles.configDir()); }

    public Path dir() { return dir; }

    public Path file(LabSpec lab) { return dir.resolve(lab.labId() + ".json"); }

    public Optional<LabSecrets> load(LabSpec lab) {
        Path f = file(lab);
        if (!Files.exists(f)) return Optional.empty();
        try {
            return Optional.of(LabProfiles.JSON.readValue(Files.readAllBytes(f), LabSecrets.class));
        } catch (IOException e) {
            throw new LabException(Msg.of("lab.secrets.unreadable", f.toString(), String.valueOf(e.getMessage())));
        }
    }

    /** The stored passwords, or new ones saved now (a second `up` reuses them). */
    public synchronized LabSecrets loadOrCreate(LabSpec lab) {
        Optional<LabSecrets> have = load(lab);
        if (have.isPresent() && have.get().complete()) return have.get();
        LabSecrets s = have.orElseGet(LabSecrets::new);
        if (s.autoctlNode == null || s.autoctlNode.isBlank()) s.autoctlNode = LabSecrets.password();
        if (s.replicator == null || s.replicator.isBlank()) s.replicator = LabSecrets.password();
        save(lab, s);
        return s;
    }

    public void save(LabSpec lab, LabSecrets s) {
        Path f = file(lab);
        try {
            write(f, LabProfiles.JSON.writeValueAsBytes(s));
        } catch (IOException e) {
            throw new LabException(Msg.of("lab.secrets.unwritable", f.toString(), String.valueOf(e.getMessage())));
        }
    }

    public void delete(LabSpec lab) throws IOException { Files.deleteIfExists(file(lab)); }

    private void write(Path file, byte[] bytes) throws IOException {
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        if (!Files.isDirectory(dir)) {
            if (posix) Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(DIR_700));
            else Files.createDirectories(dir);
        }
        if (posix) Files.setPosixFilePermissions(dir, DIR_700);
        FileAttribute<?>[] attrs = posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE_600)} : new FileAttribute<?>[0];
        Json.writeAtomically(file, bytes, attrs);
        if (posix) Files.setPosixFilePermissions(file, FILE_600);
    }
}
