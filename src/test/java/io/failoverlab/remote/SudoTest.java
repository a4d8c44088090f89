package io.failoverlab.remote;

import io.failoverlab.lab.LabException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The sudo channel against a sudo that behaves as Debian's does (password checks, refusals), without a machine. */
class SudoTest {
    private static final String RIGHT = "c0rrect horse";

    /** A sudo: what `sudo -n true` says, and which password opens it; records every line run. */
    private static final class FakeSudo {
        final List<String> lines = new ArrayList<>();
        final List<String> stdins = new ArrayList<>();
        String withoutPassword = "sudo: a password is required\n";
        String rightPasswordSays = null; // stderr when the password is right but the login may not sudo

        CommandResult run(String line, byte[] in) {
            String stdin = new String(in, StandardCharsets.UTF_8);
            lines.add(line);
            stdins.add(stdin);
            if (line.equals(Privilege.SUDO_WITHOUT_PASSWORD)) {
                return withoutPassword == null ? ok("") : fail(withoutPassword);
            }
            if (line.startsWith("sudo -S")) {
                boolean right = stdin.startsWith(RIGHT + "\n");
                if (!right) return fail("Sorry, try again.\nsudo: no password was provided\nsudo: 1 incorrect password attempt\n");
                if (rightPasswordSays != null) return fail(rightPasswordSays);
                return ok(line.equals(Privilege.SUDO_CHECK_PASSWORD) ? "" : "ran");
            }
            return ok("ran");
        }

        static CommandResult ok(String out) { return new CommandResult(0, out, "", Duration.ZERO, false); }
        static CommandResult fail(String err) { return new CommandResult(1, "", err, Duration.ZERO, false); }
    }

    private static final class Answers implements SudoPrompt {
        final List<String> given;
        final List<Question> asked = new ArrayList<>();
        Answers(String... given) { this.given = new ArrayList<>(List.of(given)); }
        @Override public char[] ask(Question q) {
            asked.add(q);
            return given.isEmpty() ? null : given.remove(0).toCharArray();
        }
    }

    private static Sudo sudo(SudoPrompt prompt) {
        SudoChannel c = new SudoChannel();
        c.prompt(prompt);
        return c.forMachine(null, "student");
    }

    private static CommandResult run(Sudo s, FakeSudo f) throws Exception {
        return s.run(RunAs.ROOT, false, "id -u", f::run, f::run);
    }

    @Test
    void aWrongPasswordIsAskedAgainAndTheRightOneGoesOnStdinOnly() throws Exception {
        FakeSudo f = new FakeSudo();
        Answers a = new Answers("wrong", RIGHT);
        Sudo s = sudo(a);
        assertEquals("ran", run(s, f).stdout());
        assertEquals(2, a.asked.size());
        assertFalse(a.asked.get(0).again());
        assertTrue(a.asked.get(1).again());
        assertTrue(a.asked.get(0).local());
        // asked once: the next commands use the kept password
        run(s, f);
        run(s, f);
        assertEquals(2, a.asked.size());
        for (String line : f.lines) assertFalse(line.contains(RIGHT), line);
        String last = f.stdins.get(f.stdins.size() - 1);
        assertTrue(last.startsWith(RIGHT + "\n#failover-lab-script\nid -u"), last);
    }

    @Test
    void threeWrongStopBeforeAnythingRunsAsRoot() {
        FakeSudo f = new FakeSudo();
        Sudo s = sudo(new Answers("a", "b", "c", RIGHT));
        LabException e = assertThrows(LabException.class, () -> run(s, f));
        assertEquals("sudo.threeWrong", e.msg().key());
        // only sudo's own checks ran: no command was started
        assertTrue(f.lines.stream().allMatch(l -> l.equals(Privilege.SUDO_WITHOUT_PASSWORD) || l.equals(Privilege.SUDO_CHECK_PASSWORD)), f.lines.toString());
    }

    @Test
    void aLoginThatMayNotSudoIsToldSoInOneSentence() {
        FakeSudo f = new FakeSudo();
        f.rightPasswordSays = "student is not in the sudoers file.\n";
        LabException e = assertThrows(LabException.class, () -> run(sudo(new Answers(RIGHT)), f));
        assertEquals("sudo.notAllowed", e.msg().key());
        assertTrue(e.msg().english().contains("sudo group"), e.msg().english());
    }

    @Test
    void noAnswerStopsWithOneSentence() {
        LabException e = assertThrows(LabException.class, () -> run(sudo(SudoPrompt.NONE), new FakeSudo()));
        assertEquals("sudo.notGiven", e.msg().key());
    }

    @Test
    void passwordLessSudoIsNeverAsked() throws Exception {
        FakeSudo f = new FakeSudo();
        f.withoutPassword = null;
        Answers a = new Answers(RIGHT);
        run(sudo(a), f);
        assertTrue(a.asked.isEmpty());
        assertTrue(f.lines.get(f.lines.size() - 1).startsWith("sudo -n -H bash -c"), f.lines.toString());
    }

    @Test
    void sudoMissingIsNamed() {
        FakeSudo f = new FakeSudo();
        f.withoutPassword = "bash: line 1: sudo: command not found\n";
        LabException e = assertThrows(LabException.class, () -> run(sudo(new Answers(RIGHT)), f));
        assertEquals("sudo.notInstalled", e.msg().key());
    }

    /** The real wrapper: the password line before the mark is skipped even when sudo did not read it. */
    @Test
    void theScriptStartsAfterTheMarkWhateverCameBefore() throws Exception {
        String line = Privilege.wrapWithPassword(RunAs.ROOT).replaceFirst("^sudo -S -k -p '' -H ", "");
        byte[] in = Privilege.stdinAfterPassword("echo leaked".getBytes(StandardCharsets.UTF_8), "echo ran");
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", line);
        Process p = pb.start();
        try (var o = p.getOutputStream()) { o.write(in); }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        assertEquals("ran\n", out);
    }
}
