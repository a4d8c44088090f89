package io.failoverlab.remote;

import com.jcraft.jsch.HostKeyRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class KnownHostsFileTest {
    @TempDir Path tmp;

    private byte[] blob(String name) throws IOException {
        String pub = KeyPairs.generateEd25519(tmp.resolve(name), name);
        return Base64.getDecoder().decode(pub.split(" ")[1]);
    }

    @Test
    void recordsAtFirstContactAcceptsTheSameKeyAndRefusesAnother() throws IOException {
        Path file = tmp.resolve("cfg/known_hosts");
        byte[] a = blob("a");
        byte[] b = blob("b");
        List<String> seen = new ArrayList<>();
        KnownHostsFile k = new KnownHostsFile(file, (h, t, f) -> seen.add(h + " " + t + " " + f));
        assertEquals(HostKeyRepository.OK, k.check("[10.0.0.5]:2222", a));
        assertEquals(List.of("[10.0.0.5]:2222 ssh-ed25519 " + KnownHostsFile.fingerprint(a)), seen);
        assertEquals(HostKeyRepository.OK, k.check("[10.0.0.5]:2222", a));
        assertEquals(HostKeyRepository.CHANGED, k.check("[10.0.0.5]:2222", b));
        assertEquals(KnownHostsFile.fingerprint(a), k.changed().knownFingerprint());
        assertEquals(KnownHostsFile.fingerprint(b), k.changed().offeredFingerprint());
        // Another port is another host, as in OpenSSH.
        assertEquals(HostKeyRepository.OK, k.check("10.0.0.5", b));
        assertEquals(2, Files.readAllLines(file).size());
        assertEquals(1, k.getHostKey("10.0.0.5", null).length);
    }

    @Test
    void fingerprintsMatchSshKeygen() throws IOException {
        byte[] a = blob("c");
        String out = new LocalShell().check(Command.of("ssh-keygen -l -E sha256 -f " + tmp.resolve("c.pub"))).stdout();
        assertEquals(out.split(" ")[1], KnownHostsFile.fingerprint(a));
        assertEquals("ssh-ed25519", KnownHostsFile.keyType(a));
    }
}
