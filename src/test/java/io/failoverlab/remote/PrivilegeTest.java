package io.failoverlab.remote;

import org.junit.jupiter.api.Test;

import java.io.IOException;

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
        assertTrue(Privilege.wrap("id", RunAs.LOGIN, false).startsWith("bash -c '"));
        assertTrue(Privilege.wrap("id", RunAs.ROOT, true).startsWith("bash -c '"));
        assertTrue(Privilege.wrap("id", RunAs.ROOT, false).startsWith("sudo -n -H bash -c '"));
        assertTrue(Privilege.wrap("id", RunAs.POSTGRES, true).startsWith("runuser -l postgres -c '"));
        assertTrue(Privilege.wrap("id", RunAs.POSTGRES, false).startsWith("sudo -n -iu postgres bash -c '"));
        for (RunAs a : RunAs.values()) {
            assertTrue(Privilege.wrap("read x", a, false).endsWith(" </dev/null"), a.name());
        }
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
