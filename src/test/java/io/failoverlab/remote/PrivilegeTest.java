package io.failoverlab.remote;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.failoverlab.testing.ArgvSecrets;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class PrivilegeTest {
    /** Quotes, dollars, backslashes and newlines survive the wrapping unchanged. */
    @Test
    void aTrickyScriptRunsUnchanged() throws IOException {
        String script = "x='single' ; y=\"double $((1+1))\"\nprintf '%s|%s|%s\\n' \"$x\" \"$y\" 'back\\slash'";
        CommandResult r = new LocalShell().run(Command.of(script));
        assertEquals("single|double 2|back\\slash\n", r.stdout());
    }

    @Test
    void wrapsBySudoOnlyWhenTheLoginIsNotRoot() {
        assertTrue(Privilege.wrap(RunAs.LOGIN, false).startsWith("bash -c '"));
        assertTrue(Privilege.wrap(RunAs.ROOT, true).startsWith("bash -c '"));
        assertTrue(Privilege.wrap(RunAs.ROOT, false).startsWith("sudo -n -H bash -c '"));
        assertTrue(Privilege.wrap(RunAs.POSTGRES, true).startsWith("runuser -l postgres -c '"));
        assertTrue(Privilege.wrap(RunAs.POSTGRES, false).startsWith("sudo -n -iu postgres bash -c '"));
    }

    /** The script travels on stdin, never in argv; the script itself then reads an empty stdin. */
    @Test
    @Tag("root") // runs as root or with password-less sudo; -Punit leaves it out
    void theScriptIsNotInTheCommandLineAndItsStdinIsEmpty() throws IOException {
        String secret = "s3cretPassw0rd";
        for (RunAs a : RunAs.values()) assertFalse(Privilege.wrap(a, true).contains(secret), a.name());
        for (RunAs a : List.of(RunAs.LOGIN, RunAs.ROOT)) {
            // the script's own shell and its parent: their arguments are what other users could read
            CommandResult r = new LocalShell().run(new Command("x=" + secret + "\nps -o args= -p $$,$PPID\n"
                    + "if read line; then echo got:$line; else echo eof; fi", a, null, null, null));
            assertTrue(r.stdout().strip().endsWith("eof"), r.stdout());
            assertTrue(r.stdout().contains("bash -c"), r.stdout());
            assertNull(ArgvSecrets.find(r.stdout().replace("eof", ""), List.of(secret)), "the script shows in the arguments: " + r.stdout());
        }
    }

    /** With sudo's password: read by sudo -S from stdin (never cached, no prompt text), the script after a mark. */
    @Test
    void withAPasswordSudoReadsItFromStdinAndTheLineNamesNone() {
        assertTrue(Privilege.wrapWithPassword(RunAs.ROOT).startsWith("sudo -S -k -p '' -H bash -c '"));
        assertTrue(Privilege.wrapWithPassword(RunAs.POSTGRES).startsWith("sudo -S -k -p '' -iu postgres bash -c '"));
        assertThrows(IllegalArgumentException.class, () -> Privilege.wrapWithPassword(RunAs.LOGIN));
        byte[] in = Privilege.stdinAfterPassword("pw".getBytes(java.nio.charset.StandardCharsets.UTF_8), "id -u");
        assertEquals("pw\n#failover-lab-script\nid -u", new String(in, java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void recognisesSudoRefusals() {
        assertTrue(Privilege.isSudoRefusal("sudo: a password is required\n"));
        assertTrue(Privilege.isSudoRefusal("alice is not in the sudoers file.  This incident will be reported.\n"));
        assertTrue(Privilege.isSudoRefusal("bash: line 1: sudo: command not found\n"));
        assertFalse(Privilege.isSudoRefusal("ERROR: relation \"ha_test\" does not exist"));
        assertFalse(Privilege.isSudoRefusal(null));
    }

    @Test
    void theSudoRefusalMessageNamesUserAndHost() {
        String m = SshErrors.sudoRefused("alice", "db1.example", "alice@db1.example:22").getMessage();
        assertTrue(m.startsWith("User alice has no password-less sudo rights on db1.example"), m);
    }
}
