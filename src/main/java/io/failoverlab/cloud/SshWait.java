package io.failoverlab.cloud;

import io.failoverlab.lab.HostSpec;
import io.failoverlab.lab.LabException;
import io.failoverlab.lab.Msg;
import io.failoverlab.remote.Command;
import io.failoverlab.remote.HostKeyChangedException;
import io.failoverlab.remote.KnownHostsFile;
import io.failoverlab.remote.SshShell;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Waits, bounded, until a new VM answers SSH: first its sshd's banner, then a real login with the
 * lab's key (the guest agent creates the user a few seconds after sshd starts, so "Auth fail"
 * is retried). A changed host key is never retried: that is a refusal, not a delay.
 */
public final class SshWait {
    private final Path knownHosts;
    private final KnownHostsFile.FirstContact firstContact;

    public SshWait(Path knownHosts, KnownHostsFile.FirstContact firstContact) {
        this.knownHosts = knownHosts;
        this.firstContact = firstContact;
    }

    public void await(HostSpec h, Duration max, Progress progress) {
        long t0 = System.nanoTime();
        long deadline = t0 + max.toNanos();
        String last = "no answer yet";
        boolean banner = false;
        while (System.nanoTime() < deadline) {
            double f = Math.min(0.99, (System.nanoTime() - t0) / (double) max.toNanos());
            try {
                if (!banner) {
                    progress.report(f, Msg.of("progress.sshWait", h.id, h.address));
                    banner = bannerOf(h).startsWith("SSH-");
                    if (!banner) last = "the port answers, but not with SSH";
                }
                if (banner) {
                    progress.report(f, Msg.of("progress.sshLogin", h.id, h.user));
                    try (SshShell sh = new SshShell(h.address, h.sshPort, h.user, Path.of(h.keyFile), null, knownHosts,
                            h.instanceId, firstContact)) {
                        if (sh.run(Command.of("true").probe().timeout(Duration.ofSeconds(20))).ok()) {
                            progress.report(1, Msg.of("progress.sshAnswers", h.id));
                            return;
                        }
                    }
                }
            } catch (HostKeyChangedException e) {
                throw e;
            } catch (IOException | RuntimeException e) {
                if (e.getCause() instanceof HostKeyChangedException hk) throw hk;
                last = e.getMessage();
            }
            sleep(1000);
        }
        throw new LabException(Msg.of("provider.vmNoSsh", h.id, h.address + ":" + h.sshPort, max.toSeconds(), last));
    }

    private static String bannerOf(HostSpec h) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(h.address, h.sshPort), 5000);
            s.setSoTimeout(5000);
            InputStream in = s.getInputStream();
            byte[] buf = new byte[64];
            int n = in.read(buf);
            return n <= 0 ? "" : new String(buf, 0, n, StandardCharsets.US_ASCII);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabException(Msg.of("provider.sshInterrupted"));
        }
    }
}
