package io.failoverlab.ui;

import io.failoverlab.cli.Cli;
import io.failoverlab.testing.PrivateDisplay;
import io.failoverlab.testing.ClusterTest;
import io.failoverlab.testing.PasswordSudoLogin;
import io.failoverlab.testing.SecretScan;
import io.failoverlab.testing.TestLabs;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The Russian window as a login whose sudo wants a password (issue 23): the window runs in that
 * login's own JVM (SudoWindowDriver, TestFX), Build lab asks for the password in a masked field; a
 * wrong one is refused and asked again, the right one builds the local lab to primary/secondary.
 * The question is saved as docs/screenshots/sudo-question-ru.png. Every process's command line and
 * environment is sampled meanwhile, and afterwards the window's output, the lab's files and journal
 * and the system's logs are searched: the password is nowhere.
 */
@ClusterTest
@Tag("ui")
@ResourceLock("display")
class SudoWindowTest {

    @Test
    void theWindowAsksForTheSudoPasswordAndBuildsTheLab() throws Exception {
        String pw = PasswordSudoLogin.password();
        Path dir = PasswordSudoLogin.ownedDir("failoverlab-sudo-ui");
        List<String> lab = PasswordSudoLogin.localLab(dir);
        List<String> args = new ArrayList<>(List.of("--lang", "ru"));
        args.addAll(lab);
        Path shot = Path.of("docs", "screenshots", "sudo-question-ru.png").toAbsolutePath();
        StringBuilder output = new StringBuilder();
        Process p = null;
        // a display of its own: the other process's robot types there, never on the shared one
        try (PrivateDisplay x = PrivateDisplay.start(); SecretScan scan = new SecretScan(pw)) {
            String display = x.name();
            p = PasswordSudoLogin.java(List.of("DISPLAY=" + display), SudoWindowDriver.class.getName(), args).redirectErrorStream(true).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            OutputStream in = p.getOutputStream();
            List<String> asked = new ArrayList<>();
            String done = null;
            String line;
            while ((line = out.readLine()) != null) {
                output.append(line).append('\n');
                if (line.startsWith("ASKED ")) {
                    asked.add(line);
                    if (asked.size() == 1) {
                        screenshot(display, shot);
                        in.write(("wrong-" + pw.substring(0, 4) + "\n").getBytes(StandardCharsets.UTF_8));
                    } else {
                        in.write((pw + "\n").getBytes(StandardCharsets.UTF_8));
                    }
                    in.flush();
                } else if (line.startsWith("DONE") || line.startsWith("TIMEOUT")) {
                    done = line;
                    break;
                }
            }
            System.out.println("--- the window as " + PasswordSudoLogin.LOGIN + ":\n" + output);
            assertEquals(List.of("ASKED 1 again=false", "ASKED 2 again=true"), asked, "asked once, and again after the wrong password");
            assertNotNull(done, output.toString());
            assertTrue(done.startsWith("DONE"), done);
            String status = cli("status", lab);
            assertTrue(status.contains("primary") && status.contains("secondary"), status);
            System.out.println("BENCH sudo-window: asked " + asked.size() + " times; " + done);
            in.write("quit\n".getBytes(StandardCharsets.UTF_8));
            in.flush();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the window closed");
            scan.close();
            scan.text("the window's output", output.toString());
            scan.files(dir, Path.of("/home", PasswordSudoLogin.LOGIN, ".config"));
            scan.systemLogs();
            assertTrue(scan.samples() > 10, "processes were sampled " + scan.samples() + " times");
            assertEquals(List.of(), scan.found(), "the password was seen there");
            assertTrue(Files.size(shot) > 10_000, "the question's screenshot was saved");
            if (p.isAlive()) p.destroyForcibly();
        } finally {
            if (p != null && p.isAlive()) p.destroyForcibly();
            PasswordSudoLogin.destroy(lab, dir);
        }
    }

    /** The whole screen (the window and its question), as a person sees it. */
    private static void screenshot(String display, Path png) throws Exception {
        Files.createDirectories(png.getParent());
        Process imp = new ProcessBuilder("import", "-display", display, "-window", "root", png.toString()).inheritIO().start();
        assertTrue(imp.waitFor(30, TimeUnit.SECONDS) && imp.exitValue() == 0, "import took the screenshot");
    }

    /** A verb run here, as root, in this JVM. */
    private static String cli(String verb, List<String> lab) {
        List<String> args = new ArrayList<>(List.of(verb));
        args.addAll(lab);
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        Cli.run(args.toArray(String[]::new), new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(o, true, StandardCharsets.UTF_8));
        return o.toString(StandardCharsets.UTF_8);
    }
}
