package io.failoverlab.testing;

import io.failoverlab.lab.LabSpec;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Local labs for tests: free loopback ports and a data folder of their own under /tmp. */
public final class TestLabs {
    private TestLabs() { }

    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A folder postgres can traverse (mode 755), holding the lab's data folder. */
    public static Path tempRoot(String prefix) {
        try {
            Path dir = Files.createTempDirectory(Path.of("/tmp"), prefix,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            return dir;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Monitor and two nodes on free ports, data below a fresh temp folder. */
    public static LabSpec localLab(String name) {
        Path root = tempRoot("failoverlab-" + name + "-");
        LabSpec lab = LabSpec.local(root.resolve("lab").toString(), freePort(), freePort(), freePort());
        lab.name = name;
        lab.installPackages = true;
        return lab;
    }

    /** Monitor and n data nodes on free ports, data below a fresh temp folder. */
    public static LabSpec localLab(String name, int nodes) {
        Path root = tempRoot("failoverlab-" + name + "-");
        int[] ports = new int[nodes];
        for (int i = 0; i < nodes; i++) ports[i] = freePort();
        LabSpec lab = LabSpec.local(root.resolve("lab").toString(), freePort(), ports);
        lab.name = name;
        lab.installPackages = true;
        return lab;
    }

    public static void deleteTree(Path root) {
        try (var walk = Files.walk(root)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort: a leftover temp folder is harmless
        }
    }
}
