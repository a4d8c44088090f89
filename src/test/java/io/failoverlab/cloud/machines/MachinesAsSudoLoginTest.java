package io.failoverlab.cloud.machines;

import io.failoverlab.testing.MachineLabs;
import io.failoverlab.testing.PasswordSudoLogin;
import io.failoverlab.testing.PasswordSudoLogin.Run;
import io.failoverlab.testing.SecretScan;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A machines lab built by a login whose sudo wants a password (issue 23 item 3), from the jar's
 * CLI: a wrong password makes nothing; `echo PW | … up --sudo-password-stdin` boots three Debian 13
 * machines through the one root helper and ends at primary/secondary; `down --destroy` leaves no
 * machine, namespace, bridge, mount or state folder. Meanwhile every process's command line and
 * environment is sampled, and afterwards the outputs, the lab's files and logs, its report and the
 * system's logs are searched: the password is nowhere.
 */
@Tag("cluster")
@ResourceLock("machines")
class MachinesAsSudoLoginTest {

    @Test
    void aPasswordSudoLoginBuildsAndDestroysAMachinesLab() throws Exception {
        String pw = PasswordSudoLogin.password();
        Path dir = PasswordSudoLogin.ownedDir("failoverlab-sudo-machines");
        MachineLabs m = new MachineLabs(dir, "sudo-machines", "13", "per-role");
        owned(m.labFile);
        List<String> outputs = new ArrayList<>();
        try (SecretScan scan = new SecretScan(pw)) {
            Run wrong = cli(m, outputs, "up", "not-" + pw + "\n");
            assertNotEquals(0, wrong.code(), wrong.out());
            assertTrue(wrong.out().contains("The sudo password on standard input (--sudo-password-stdin) is wrong for this computer"), wrong.out());
            assertFalse(Files.exists(dir.resolve("state")), "nothing is made after a wrong password");

            Run up = cli(m, outputs, "up", pw + "\n");
            assertEquals(0, up.code(), up.out());
            assertTrue(up.out().contains("node1 primary, node2 secondary"), up.out());
            assertTrue(up.out().contains("3 made, 3 booted"), up.out());
            System.out.printf("BENCH machines debian=13 per-role up as a password-sudo login (image cached): %.1f s%n", up.seconds());
            System.out.println("BENCH machines debian=13 per-role up as a password-sudo login, phases: " + MachineLabs.upPhases(up.out()));
            String tag = m.tag();
            Path state = dir.resolve("state").resolve(m.lab.labId());
            assertEquals("root", Files.getOwner(state).getName(), "the lab's files stay root's");

            Run report = cli(m, outputs, "report", "", "--out", dir.resolve("report").toString());
            assertEquals(0, report.code(), report.out());
            // what root's side wrote while up ran: the machines' consoles and supervisors, the apt proxy's log
            List<Path> logs = new ArrayList<>(List.of(state.resolve("apt-proxy").resolve("log")));
            for (String id : List.of("monitor", "node1", "node2")) {
                logs.add(state.resolve(id).resolve("console.log"));
                logs.add(state.resolve(id).resolve("supervisor.log"));
            }
            scan.files(logs.toArray(Path[]::new));

            Run down = cli(m, outputs, "down", pw + "\n", "--destroy");
            assertEquals(0, down.code(), down.out());
            System.out.printf("BENCH machines debian=13 per-role down --destroy as a password-sudo login: %.1f s%n", down.seconds());
            assertEquals(List.of(), m.leftovers());
            assertEquals(List.of(), MachineLabs.netLeftovers(tag));

            scan.assertNowhere(outputs, dir);
        } finally {
            m.close(); // whatever a failed run left: taken down as root
        }
    }

    /** The jar's Main as the login, with --lab and --config-dir; stdin given (then --sudo-password-stdin), output merged. */
    private static Run cli(MachineLabs m, List<String> outputs, String verb, String stdin, String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of(verb));
        args.addAll(List.of(more));
        args.addAll(List.of("--lab", m.labFile.toString(), "--config-dir", m.config.toString()));
        if (!stdin.isEmpty()) args.add("--sudo-password-stdin");
        List<String> env = new ArrayList<>();
        String cache = System.getenv("FAILOVER_LAB_IMAGE_CACHE");
        if (cache != null && !cache.isBlank()) env.add("FAILOVER_LAB_IMAGE_CACHE=" + cache);
        return PasswordSudoLogin.cli(env, args, stdin, outputs);
    }

    private static void owned(Path f) throws Exception {
        Process p = new ProcessBuilder("chown", PasswordSudoLogin.LOGIN + ":" + PasswordSudoLogin.LOGIN, f.toString()).inheritIO().start();
        assertEquals(0, p.waitFor());
    }
}
