package io.failoverlab.cloud.machines;

import io.failoverlab.lab.LabException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * A machine's disk as a copy-on-write layer: overlayfs with the cached image as its read-only
 * lower layer, the machine's own changes in upper/ (work/ is overlayfs's scratch), merged at
 * root/ where systemd-nspawn boots it. A mount does not survive this computer's reboot, so it is
 * mounted again before every boot; it is unmounted before the machine's folder is deleted.
 */
final class OverlayDisk {
    private static final Duration CMD = Duration.ofSeconds(30);

    private OverlayDisk() { }

    /** overlayfs's options; a comma or colon in a path would split them, so such a path is refused. */
    static String options(Path lower, Path upper, Path work) {
        for (Path p : new Path[] {lower, upper, work}) {
            String s = p.toString();
            if (s.contains(",") || s.contains(":") || s.contains("\\")) {
                throw new LabException("The path " + s + " cannot be part of an overlay disk (it holds , : or \\).");
            }
        }
        return "lowerdir=" + lower + ",upperdir=" + upper + ",workdir=" + work;
    }

    static void mount(Path lower, Path upper, Path work, Path merged) {
        RootCommands.run(CMD, "mount", "-t", "overlay", "overlay", "-o", options(lower, upper, work), merged.toString());
    }

    /** Unmounts the layer (a lazy unmount when something still holds it); nothing when it is not mounted. */
    static void unmount(Path merged) {
        for (int i = 0; i < 20 && mounted(merged); i++) {
            if (RootCommands.succeeds(CMD, "umount", merged.toString())) return;
            sleep(100); // nspawn may still be letting go of it
        }
        if (mounted(merged)) RootCommands.run(CMD, "umount", "--lazy", merged.toString());
    }

    /** Whether something is mounted exactly at this path (this process's view, /proc/self/mountinfo). */
    static boolean mounted(Path at) {
        return mountOptions(at).isPresent();
    }

    /** The super options of what is mounted at this path (for an overlay: its lowerdir=...), if any. */
    static Optional<String> mountOptions(Path at) {
        String want = at.toAbsolutePath().normalize().toString();
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"))) {
                String[] f = line.split(" ");
                if (f.length > 4 && unescape(f[4]).equals(want)) {
                    int dash = line.indexOf(" - ");
                    return Optional.of(dash < 0 ? "" : line.substring(dash + 3));
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** Whether any mount of this computer uses this folder as an overlay's lower layer. */
    static boolean lowerInUse(Path lower) {
        String want = "lowerdir=" + lower.toAbsolutePath().normalize();
        try {
            return Files.readAllLines(Path.of("/proc/self/mountinfo")).stream()
                    .anyMatch(l -> l.contains(want + ",") || l.endsWith(want) || l.contains(want + ":"));
        } catch (IOException e) {
            return false;
        }
    }

    /** mountinfo writes a space, tab, newline and backslash as \ooo. */
    private static String unescape(String s) {
        return s.replace("\\040", " ").replace("\\011", "\t").replace("\\012", "\n").replace("\\134", "\\");
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
