package io.failoverlab.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The user's lab profiles: one JSON file per lab in {@code <config>/labs}, named by the lab's
 * id. Written atomically; a profile that would carry a private key in clear text is refused.
 */
public final class LabStore {
    private final Path dir;

    public LabStore(Path dir) { this.dir = dir; }

    /** {@code LabProfiles.configDir()/labs} */
    public static LabStore inConfigDir(Path configDir) { return new LabStore(configDir.resolve("labs")); }

    public Path dir() { return dir; }

    public Path file(String name) { return dir.resolve(idOf(name) + ".json"); }

    public List<LabSpec> list() {
        if (!Files.isDirectory(dir)) return List.of();
        List<LabSpec> labs = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList()) {
                labs.add(LabProfiles.load(f));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the lab folder " + dir + ".", e);
        }
        labs.sort(Comparator.comparing(l -> l.name));
        return labs;
    }

    public boolean exists(String name) { return Files.exists(file(name)); }

    public LabSpec open(String name) {
        if (!exists(name)) throw new LabException(Msg.of("lab.store.none", name, dir.toString()));
        return LabProfiles.load(file(name));
    }

    public Path save(LabSpec lab) {
        Path f = file(lab.name);
        try {
            byte[] json = LabProfiles.JSON.writeValueAsBytes(lab);
            String text = new String(json, java.nio.charset.StandardCharsets.UTF_8);
            // Key files are referenced by path; their content must never land in a profile.
            if (text.contains("PRIVATE KEY")) {
                throw new LabException(Msg.of("lab.store.clearKey", lab.name));
            }
            LabProfiles.writeAtomically(f, json);
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save lab '" + lab.name + "' to " + f + ".", e);
        }
    }

    /**
     * A copy under a new name. A cloud lab's machines belong to the original, so the copy starts
     * without hosts and gets its own when it is provisioned.
     */
    public LabSpec duplicate(String name, String newName) {
        if (exists(newName)) throw new LabException(Msg.of("lab.store.exists", newName));
        LabSpec copy = LabProfiles.JSON.convertValue(LabProfiles.JSON.valueToTree(open(name)), LabSpec.class);
        copy.name = newName;
        if (copy.isProvisioned()) copy.hosts.clear();
        save(copy);
        return copy;
    }

    public void delete(String name) {
        try {
            if (!Files.deleteIfExists(file(name))) throw new LabException(Msg.of("lab.store.none", name, dir.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete lab '" + name + "'.", e);
        }
    }

    private static String idOf(String name) {
        LabSpec tmp = new LabSpec();
        tmp.name = name;
        return tmp.labId();
    }
}
