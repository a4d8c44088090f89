package io.failoverlab.cloud.machines;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.failoverlab.lab.LabProfiles;
import io.failoverlab.lab.LabSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a machines lab made, in its folder: network.json (the lab's tag and /24, chosen once) and one
 * folder per machine, each with an instance-id that names its pinned host key. Reading it is how a
 * later verb (status, kill-primary, down) finds the same machines.
 */
final class LabState {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Path dir;
    private final LabNetwork network;

    private LabState(Path dir, LabNetwork network) {
        this.dir = dir;
        this.network = network;
    }

    /** Opens the lab's state, choosing its tag and subnet the first time. */
    static LabState open(Path dir, String wantedSubnet) {
        Path f = dir.resolve("network.json");
        try {
            if (Files.isRegularFile(f)) {
                var n = LabProfiles.JSON.readTree(Files.readString(f));
                return new LabState(dir, new LabNetwork(n.path("tag").asText(), n.path("subnet").asText()));
            }
            RootCommands.mkdirs(dir);
            int seed = RANDOM.nextInt(1 << 20);
            String tag = String.format("%05x", seed);
            String subnet = LabNetwork.chooseSubnet(wantedSubnet, seed);
            ObjectNode n = LabProfiles.JSON.createObjectNode().put("tag", tag).put("subnet", subnet);
            Path partial = dir.resolve("network.json.partial");
            RootCommands.write(partial, LabProfiles.JSON.writeValueAsBytes(n), "rw-r--r--");
            RootCommands.move(partial, f);
            return new LabState(dir, new LabNetwork(tag, subnet));
        } catch (IOException e) {
            throw MachinesProvider.stateError(dir, e);
        }
    }

    Path dir() { return dir; }

    LabNetwork network() { return network; }

    Machine machine(LabSpec lab, String hostId) {
        String name = (lab.labId() + "-" + hostId);
        return new Machine(dir.resolve(hostId), name.length() > 60 ? name.substring(0, 60) : name, network.namespace(hostId));
    }

    /** The alias the machine's host key is pinned under: new for every machine made, never an address. */
    String instanceId(String hostId) {
        Path f = dir.resolve(hostId).resolve("instance-id");
        try {
            if (Files.isRegularFile(f)) return Files.readString(f).strip();
            String id = "machine-" + network.tag() + "-" + hostId + "-" + HexFormat.of().formatHex(RANDOM.generateSeed(4));
            RootCommands.write(f, id + "\n", "rw-r--r--");
            return id;
        } catch (IOException e) {
            throw MachinesProvider.stateError(dir, e);
        }
    }

    /** The machine folders there are (made or half made). */
    List<String> machineIds() {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> Files.isRegularFile(p.resolve("instance-id")) || Files.isDirectory(p.resolve("root")))
                    .map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
