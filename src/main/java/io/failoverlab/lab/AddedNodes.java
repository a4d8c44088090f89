package io.failoverlab.lab;

import com.fasterxml.jackson.core.type.TypeReference;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Data nodes added to a running lab (add-node NEW) are kept, so the next verb or window sees
 * them: a lab from a profile gets them in its profile; a lab given only by options (--data-dir,
 * --node-ports) in a small file of the app's config folder, named after its data folder and
 * monitor port. Destroying the lab forgets them.
 */
public final class AddedNodes {
    private final Path file;
    private final Path profile;

    private AddedNodes(Path file, Path profile) {
        this.file = file;
        this.profile = profile;
    }

    public static AddedNodes of(LabSpec lab, Path configDir) {
        String key = lab.labId() + "-" + Integer.toHexString((lab.dataDir + ":" + lab.monitor.port).hashCode());
        return new AddedNodes(configDir.resolve("added-nodes").resolve(key + ".json"), lab.profileFile);
    }

    /** node1, node2, …: the first name the lab does not use yet (pg_auto_failover's tutorial adds node3 next). */
    public static String nextName(LabSpec lab) {
        int i = 1;
        while (lab.node("node" + i).isPresent()) i++;
        return "node" + i;
    }

    /** Adds the kept nodes the lab does not have yet (a lab given by options only). */
    public void applyTo(LabSpec lab) {
        if (profile != null || !Files.isRegularFile(file)) return;
        try {
            List<InstanceSpec> kept = Json.MAPPER.readValue(Files.readString(file), new TypeReference<List<InstanceSpec>>() { });
            for (InstanceSpec n : kept) {
                if (lab.node(n.name).isEmpty()) lab.nodes.add(n);
            }
        } catch (IOException e) {
            throw new LabException(Msg.of("lab.addedNodes.unreadable", file, e.getMessage()));
        }
    }

    /** Keeps the lab's nodes beyond those its options or profile gave (after node was added). */
    public void remember(LabSpec lab, InstanceSpec node) throws IOException {
        if (profile != null) {
            LabProfiles.save(lab, profile);
            return;
        }
        List<InstanceSpec> kept = new ArrayList<>();
        if (Files.isRegularFile(file)) {
            kept.addAll(Json.MAPPER.readValue(Files.readString(file), new TypeReference<List<InstanceSpec>>() { }));
        }
        kept.removeIf(n -> n.name.equals(node.name));
        kept.add(node);
        Files.createDirectories(file.getParent());
        Json.writeAtomically(file, Json.MAPPER.writeValueAsBytes(kept));
    }

    /** The lab is destroyed: its added nodes go with it (a profile keeps its nodes). */
    public void forget() throws IOException {
        Files.deleteIfExists(file);
    }
}
