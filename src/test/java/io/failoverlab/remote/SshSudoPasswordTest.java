package io.failoverlab.remote;

import io.failoverlab.testing.ClusterTest;
import io.failoverlab.testing.PasswordSudoLogin;
import io.failoverlab.testing.SecretScan;
import io.failoverlab.testing.Sshd;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A remote host whose login has password sudo (issue 23, hosts labs): the same question, naming
 * that host; a wrong password asked again; root and postgres commands then run; a second shell to
 * the same host is not asked again; the password shows in no process's arguments or environment.
 */
@ClusterTest
class SshSudoPasswordTest {

    @Test
    void aHostsPasswordSudoIsAskedOncePerHost() throws Exception {
        String pw = PasswordSudoLogin.password();
        List<SudoPrompt.Question> asked = new ArrayList<>();
        List<String> answers = new ArrayList<>(List.of("wrong-" + pw.substring(0, 3), pw));
        Path kh = Files.createTempFile("failoverlab-sudo-kh", "");
        try (Sshd sshd = Sshd.start(); SecretScan scan = new SecretScan(pw)) {
            // the test login reads the server's authorized_keys (sshd reads it as that login)
            Files.setPosixFilePermissions(sshd.dir(), PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.setPosixFilePermissions(sshd.dir().resolve("authorized_keys"), PosixFilePermissions.fromString("rw-r--r--"));
            SudoChannel.session().prompt(q -> {
                asked.add(q);
                return answers.isEmpty() ? null : answers.remove(0).toCharArray();
            });
            String host = PasswordSudoLogin.LOGIN + "@" + sshd.host() + ":" + sshd.port();
            try (SshShell sh = new SshShell(sshd.host(), sshd.port(), PasswordSudoLogin.LOGIN, sshd.clientKey(), null, kh, null, null)) {
                assertFalse(sh.loginIsRoot());
                assertEquals("0", sh.check(Command.asRoot("id -u")).stdout().strip());
                assertEquals("postgres", sh.check(Command.asPostgres("id -un")).stdout().strip());
            }
            assertEquals(2, asked.size(), asked.toString());
            assertEquals(host, asked.get(0).machine());
            assertFalse(asked.get(0).again());
            assertTrue(asked.get(1).again());
            try (SshShell again = new SshShell(sshd.host(), sshd.port(), PasswordSudoLogin.LOGIN, sshd.clientKey(), null, kh, null, null)) {
                assertEquals("0", again.check(Command.asRoot("id -u")).stdout().strip());
            }
            assertEquals(2, asked.size(), "the same host is not asked again this session");
            scan.close();
            assertTrue(scan.samples() > 3, "processes were sampled " + scan.samples() + " times");
            assertEquals(List.of(), scan.found(), "the password was seen there");
        } finally {
            SudoChannel.session().prompt(null);
            Files.deleteIfExists(kh);
        }
    }
}
