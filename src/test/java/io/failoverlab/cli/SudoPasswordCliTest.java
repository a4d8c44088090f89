package io.failoverlab.cli;

import io.failoverlab.testing.ClusterTest;
import io.failoverlab.testing.PasswordSudoLogin;
import io.failoverlab.testing.PasswordSudoLogin.Run;
import io.failoverlab.testing.SecretScan;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The CLI as a login whose sudo wants a password (issue 23): `echo PW | java … up
 * --sudo-password-stdin` ends at primary/secondary and `down --destroy` removes it; a wrong
 * password is refused before anything is made. Meanwhile every process's command line and
 * environment is sampled, and afterwards the output, the lab's files, its journal, its report and
 * the system's logs are searched: the password is nowhere.
 */
@ClusterTest
class SudoPasswordCliTest {

    @Test
    void upAndDownAsALoginWithPasswordSudo() throws Exception {
        String pw = PasswordSudoLogin.password();
        Path dir = PasswordSudoLogin.ownedDir("failoverlab-sudo-cli");
        Path data = dir.resolve("data");
        List<String> lab = PasswordSudoLogin.localLab(dir);
        List<String> outputs = new ArrayList<>();
        scanFindsACanary();
        try (SecretScan scan = new SecretScan(pw)) {
            Run wrong = cli(outputs, "up", lab, "not-" + pw + "\n");
            assertNotEquals(0, wrong.code(), wrong.out());
            assertTrue(wrong.out().contains("The sudo password on standard input (--sudo-password-stdin) is wrong for this computer"), wrong.out());
            assertFalse(Files.exists(data), "nothing is made after a wrong password");

            Run up = cli(outputs, "up", lab, pw + "\n");
            assertEquals(0, up.code(), up.out());
            assertTrue(up.out().contains("node1 primary, node2 secondary"), up.out());
            assertTrue(Files.exists(data), "the lab's data folder");
            System.out.printf("BENCH sudo-cli up as a password-sudo login: %.1f s%n", up.seconds());

            Run report = cli(outputs, "report", concat(lab, "--out", dir.resolve("report").toString()), "");
            assertEquals(0, report.code(), report.out());

            Run down = cli(outputs, "down", concat(lab, "--destroy"), pw + "\n");
            assertEquals(0, down.code(), down.out());
            try (var left = Files.list(data)) {
                assertEquals(List.of(), left.toList(), down.out());
            } catch (java.nio.file.NoSuchFileException gone) {
                // down removed the folder itself
            }

            scan.assertNowhere(outputs, dir);
        } finally {
            // whatever a failed run left: taken down as root
            PasswordSudoLogin.destroy(lab, dir);
        }
    }

    /** On a terminal the CLI asks like sudo: why, the prompt, without echo; a wrong password is asked again. */
    @Test
    void onATerminalAWrongPasswordIsAskedAgain() throws Exception {
        String pw = PasswordSudoLogin.password();
        Path dir = PasswordSudoLogin.ownedDir("failoverlab-sudo-tty");
        List<String> lab = PasswordSudoLogin.localLab(dir);
        List<String> args = new ArrayList<>(List.of("up"));
        args.addAll(lab);
        String prompt = "Sudo password of " + PasswordSudoLogin.LOGIN + " on this computer: ";
        try (SecretScan scan = new SecretScan(pw)) {
            Process p = PasswordSudoLogin.javaOnTerminal("io.failoverlab.Main", args).redirectErrorStream(true).start();
            StringBuilder out = new StringBuilder();
            var in = p.getOutputStream();
            var from = p.getInputStream();
            waitFor(from, out, prompt, 1);
            assertTrue(out.toString().contains("sudo wants the password of your login " + PasswordSudoLogin.LOGIN), out.toString());
            in.write(("wrong-" + pw.substring(0, 3) + "\n").getBytes(StandardCharsets.UTF_8));
            in.flush();
            waitFor(from, out, prompt, 2);
            assertTrue(out.toString().contains("That password was wrong; try again (try 2 of 3)."), out.toString());
            in.write((pw + "\n").getBytes(StandardCharsets.UTF_8));
            // nothing more will be typed: a third question meets the end of input instead of waiting forever
            in.close();
            out.append(new String(from.readAllBytes(), StandardCharsets.UTF_8));
            assertTrue(p.waitFor(10, TimeUnit.MINUTES));
            System.out.println("--- up on a terminal:\n" + out);
            assertEquals(0, p.exitValue(), out.toString());
            assertTrue(out.toString().contains("node1 primary, node2 secondary"), out.toString());
            scan.close();
            scan.text("the terminal", out.toString());
            scan.files(dir);
            assertEquals(List.of(), scan.found(), "the password was seen there (echoed?)");
        } finally {
            PasswordSudoLogin.destroy(lab, dir);
        }
    }

    /** Reads until text has appeared times times (at most 2 minutes). */
    private static void waitFor(java.io.InputStream from, StringBuilder out, String text, int times) throws Exception {
        long deadline = System.nanoTime() + 120_000_000_000L;
        byte[] buf = new byte[4096];
        while (out.toString().split(java.util.regex.Pattern.quote(text), -1).length - 1 < times) {
            assertTrue(System.nanoTime() < deadline, "no '" + text + "' in: " + out);
            int n = from.read(buf);
            assertTrue(n >= 0, "ended before '" + text + "': " + out);
            out.append(new String(buf, 0, n, StandardCharsets.UTF_8));
        }
    }

    /** The scan sees a token in another process's arguments and environment (else its silence proves nothing). */
    private static void scanFindsACanary() throws Exception {
        String canary = "canary-" + System.nanoTime();
        try (SecretScan scan = new SecretScan(canary)) {
            ProcessBuilder pb = new ProcessBuilder("sleep", "1");
            pb.environment().put("FL_CANARY", canary);
            Process p = pb.start();
            Process q = new ProcessBuilder("bash", "-c", "sleep 1; : " + canary).start();
            p.waitFor();
            q.waitFor();
            scan.close();
            List<String> found = scan.found();
            assertTrue(found.stream().anyMatch(f -> f.endsWith("environ (sleep)")), found.toString());
            assertTrue(found.stream().anyMatch(f -> f.endsWith("cmdline (bash)") || f.endsWith("cmdline (sleep)")), found.toString());
        }
    }

    /** The jar's Main as the login, stdin given, stdout and stderr together. */
    private static Run cli(List<String> outputs, String verb, List<String> lab, String stdin) throws Exception {
        List<String> args = new ArrayList<>(List.of(verb));
        args.addAll(lab);
        if (!stdin.isEmpty()) args.add("--sudo-password-stdin");
        return PasswordSudoLogin.cli(List.of(), args, stdin, outputs);
    }

    private static List<String> concat(List<String> a, String... more) {
        List<String> l = new ArrayList<>(a);
        l.addAll(List.of(more));
        return l;
    }
}
