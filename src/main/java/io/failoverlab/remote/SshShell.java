package io.failoverlab.remote;

import com.jcraft.jsch.ChannelExec;
import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchChangedHostKeyException;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.KeyPair;
import com.jcraft.jsch.Session;
import com.jcraft.jsch.SftpException;
import io.failoverlab.lab.HostSpec;
import io.failoverlab.lab.LabException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A remote host over SSH (JSch): key authentication, host keys checked against the app's own
 * known_hosts file (trust on first use, changed keys refused), one session per shell with one
 * channel per command, so commands may run at once. A dropped session is reconnected.
 */
public final class SshShell implements Shell {
    private static final Logger LOG = LoggerFactory.getLogger(SshShell.class);
    static final int CONNECT_TIMEOUT_MS = 10_000;
    /** sshd's MaxSessions defaults to 10 channels per connection; more would be refused, so they wait. */
    private static final int MAX_CHANNELS = 8;
    /** Larger uploads go through SFTP: a command line argument may not exceed 128 KiB on Linux. */
    private static final int INLINE_UPLOAD_LIMIT = 48 * 1024;

    private final String host;
    private final int port;
    private final String user;
    private final Path keyFile;
    private final Path knownHosts;
    private final String hostKeyAlias;
    private final KnownHostsFile.FirstContact firstContact;
    private final JSch jsch = new JSch();
    private final Semaphore channels = new Semaphore(MAX_CHANNELS, true);
    private Session session;
    private volatile Boolean root;
    private volatile String hostKeyFingerprint;
    private final Sudo sudo;

    /**
     * Loads the private key at once (the passphrase is used then, never kept or logged); the
     * connection is made by the first command.
     *
     * @param hostKeyAlias name the host key is pinned under instead of [host]:port (e.g. a cloud
     *                     instance id, so a re-used address is not mistaken for the old machine); may be null
     */
    public SshShell(String host, int port, String user, Path keyFile, char[] passphrase, Path knownHosts,
                    String hostKeyAlias, KnownHostsFile.FirstContact firstContact) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.keyFile = keyFile;
        this.knownHosts = knownHosts;
        this.hostKeyAlias = hostKeyAlias;
        this.firstContact = firstContact == null ? KnownHostsFile.FirstContact.NONE : firstContact;
        this.sudo = SudoChannel.session().forMachine(describe(), user);
        loadKey(passphrase);
    }

    public static SshShell of(HostSpec h, char[] passphrase, Path knownHosts, KnownHostsFile.FirstContact firstContact) {
        if (h.keyFile == null) throw new LabException("No SSH key file is set for " + h.label() + ".");
        String user = h.user == null ? System.getProperty("user.name") : h.user;
        return new SshShell(h.address, h.sshPort, user, Path.of(h.keyFile), passphrase, knownHosts, h.instanceId, firstContact);
    }

    private void loadKey(char[] passphrase) {
        String who = describe();
        if (!Files.isRegularFile(keyFile) || !Files.isReadable(keyFile)) {
            throw new LabException("The SSH key file " + keyFile + " for " + who + " is missing or unreadable.");
        }
        byte[] pass = passphrase == null || passphrase.length == 0 ? null : utf8(passphrase);
        KeyPair kp = null;
        try {
            kp = KeyPair.load(jsch, keyFile.toString());
            // Check the passphrase here: JSch would otherwise only fail later with "Auth fail".
            if (kp.isEncrypted() && pass == null) {
                throw new LabException("The SSH key file " + keyFile + " for " + who + " is protected by a passphrase, and none was given.");
            }
            if (kp.isEncrypted() && !kp.decrypt(pass)) {
                throw new LabException("The passphrase of the SSH key file " + keyFile + " for " + who + " is wrong.");
            }
            jsch.addIdentity(keyFile.toString(), pass == null ? null : pass.clone());
        } catch (JSchException e) {
            throw new LabException("The SSH key file " + keyFile + " for " + who + " cannot be read as a private key: " + e.getMessage() + ".", e);
        } finally {
            if (pass != null) Arrays.fill(pass, (byte) 0);
            if (kp != null) kp.dispose();
        }
    }

    private static byte[] utf8(char[] chars) {
        ByteBuffer b = StandardCharsets.UTF_8.encode(CharBuffer.wrap(chars));
        byte[] out = new byte[b.remaining()];
        b.get(out);
        Arrays.fill(b.array(), (byte) 0);
        return out;
    }

    /** The connected session; connects (again) when there is none or it dropped. */
    private synchronized Session session() {
        if (session != null && session.isConnected()) return session;
        if (session != null) LOG.info("SSH session to {} dropped; reconnecting", describe());
        KnownHostsFile repo = new KnownHostsFile(knownHosts, (name, type, fp) -> {
            LOG.info("First contact with {}: recorded its {} host key {} in {}", describe(), type, fp, knownHosts);
            firstContact.recorded(name, type, fp);
        });
        try {
            Session s = jsch.getSession(user, host, port);
            s.setHostKeyRepository(repo);
            if (hostKeyAlias != null && !hostKeyAlias.isBlank()) s.setHostKeyAlias(hostKeyAlias);
            s.setConfig("StrictHostKeyChecking", "yes"); // the repository itself records first contacts
            s.setConfig("PreferredAuthentications", "publickey");
            s.setServerAliveInterval(15_000); // notices a dead peer, so the next command reconnects
            s.setServerAliveCountMax(3);
            s.connect(CONNECT_TIMEOUT_MS);
            hostKeyFingerprint = KnownHostsFile.fingerprint(java.util.Base64.getDecoder().decode(s.getHostKey().getKey()));
            session = s;
            return s;
        } catch (JSchChangedHostKeyException e) {
            KnownHostsFile.Change c = repo.changed();
            String where = host + ":" + port + (hostKeyAlias == null ? "" : " (pinned as " + hostKeyAlias + ")");
            throw new HostKeyChangedException(where, c == null ? "?" : c.knownFingerprint(),
                    c == null ? "?" : c.offeredFingerprint(), knownHosts.toString());
        } catch (JSchException e) {
            throw SshErrors.connectFailure(describe(), host, keyFile.toString(), CONNECT_TIMEOUT_MS / 1000, e);
        }
    }

    /** SHA256 fingerprint of the host key seen at the last connection, or null before the first. */
    public String hostKeyFingerprint() { return hostKeyFingerprint; }

    @Override
    public CommandResult run(Command command) throws IOException {
        boolean asRoot = loginIsRoot();
        CommandResult r = sudo.run(command.runAs(), asRoot, command.script(),
                (line, in) -> exec(line, in, command.timeout(), command.listener(), command.runAs()),
                (line, in) -> exec(line, in, Duration.ofSeconds(30), OutputListener.NONE, RunAs.LOGIN));
        if (!r.ok() && command.runAs() != RunAs.LOGIN && !asRoot && Privilege.isSudoRefusal(r.stderr())) {
            throw SshErrors.sudoRefused(user, host, describe());
        }
        return r;
    }

    /**
     * Runs one line in its own channel. The outer shell leaves its PID in a file named by a random
     * id, so a timed-out command's whole process tree can be killed: closing an SSH channel does
     * not stop a remote process that has no terminal.
     */
    private CommandResult exec(String line, byte[] script, Duration timeout, OutputListener listener, RunAs runAs) throws IOException {
        String pidFile = "/tmp/.failover-lab-" + UUID.randomUUID() + ".pid";
        String full = "{ echo $$ > " + pidFile + "; } 2>/dev/null; " + line + "; rc=$?; rm -f " + pidFile + "; exit $rc";
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        acquireChannel();
        ChannelExec ch = null;
        try {
            ch = openExec(full);
            StringBuilder out = new StringBuilder();
            StringBuilder err = new StringBuilder();
            InputStream stdout = ch.getInputStream();
            InputStream stderr = ch.getErrStream();
            java.io.OutputStream stdin = ch.getOutputStream();
            ch.connect(CONNECT_TIMEOUT_MS);
            sendScript(stdin, script);
            Thread to = LocalShell.pump(stdout, out, OutputListener.Stream.STDOUT, listener);
            Thread te = LocalShell.pump(stderr, err, OutputListener.Stream.STDERR, listener);
            boolean finished = waitClosed(ch, deadline);
            if (!finished) {
                killRemote(pidFile, runAs);
                ch.disconnect();
            }
            to.join(5000);
            te.join(5000);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            int code = finished ? ch.getExitStatus() : -1;
            synchronized (out) {
                synchronized (err) {
                    return new CommandResult(code, out.toString(), err.toString(), took, !finished);
                }
            }
        } catch (JSchException e) {
            throw new IOException("Cannot run a command on " + describe() + ": " + e.getMessage() + ".", e);
        } catch (InterruptedException e) {
            killRemote(pidFile, runAs);
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while running a command on " + describe() + ".", e);
        } finally {
            if (ch != null) ch.disconnect();
            channels.release();
        }
    }

    private void acquireChannel() throws IOException {
        try {
            channels.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while waiting to run a command on " + describe() + ".", e);
        }
    }

    /** Opens an exec channel; a session that died since the last command is replaced once. */
    /** The script on the channel's stdin; closing the stream sends EOF, which ends the remote `cat`. */
    private static void sendScript(java.io.OutputStream stdin, byte[] script) throws IOException {
        try (stdin) {
            stdin.write(script);
            stdin.flush();
        }
    }

    private ChannelExec openExec(String full) throws JSchException {
        ChannelExec ch;
        try {
            ch = (ChannelExec) session().openChannel("exec");
        } catch (JSchException e) {
            dropSession();
            ch = (ChannelExec) session().openChannel("exec");
        }
        ch.setCommand(full);
        return ch;
    }

    private static boolean waitClosed(ChannelExec ch, long deadline) throws InterruptedException {
        while (!ch.isClosed()) {
            if (System.nanoTime() > deadline) return false;
            Thread.sleep(10);
        }
        return true;
    }

    /** Kills the process tree under the recorded PID (stop first, so no child escapes by forking). */
    private void killRemote(String pidFile, RunAs runAs) {
        String script = "p=$(cat " + pidFile + " 2>/dev/null) || exit 0\n"
                + "k() { kill -STOP \"$1\" 2>/dev/null; for c in $(pgrep -P \"$1\"); do k \"$c\"; done; kill -KILL \"$1\" 2>/dev/null; }\n"
                + "[ -n \"$p\" ] && k \"$p\"; rm -f " + pidFile + "\n";
        try {
            RunAs killer = runAs == RunAs.LOGIN ? RunAs.LOGIN : RunAs.ROOT;
            Sudo.Exec once = (line, in) -> {
                ChannelExec ch;
                try {
                    ch = openExec(line);
                } catch (JSchException e) {
                    throw new IOException(e.getMessage(), e);
                }
                try {
                    java.io.OutputStream stdin = ch.getOutputStream();
                    ch.connect(CONNECT_TIMEOUT_MS);
                    sendScript(stdin, in);
                    waitClosed(ch, System.nanoTime() + TimeUnit.SECONDS.toNanos(10));
                } catch (JSchException | InterruptedException e) {
                    throw new IOException(e.getMessage(), e);
                } finally {
                    ch.disconnect();
                }
                return new CommandResult(0, "", "", Duration.ZERO, false);
            };
            sudo.run(killer, loginIsRoot(), script, once,
                    (line, in) -> exec(line, in, Duration.ofSeconds(30), OutputListener.NONE, RunAs.LOGIN));
        } catch (Exception e) {
            LOG.warn("Could not stop a timed-out command on {}: {}", describe(), e.getMessage());
        }
    }

    @Override
    public void upload(byte[] content, String remotePath, String mode) throws IOException {
        if (content.length <= INLINE_UPLOAD_LIMIT) {
            check(Command.asRoot(LocalShell.uploadScript(content, remotePath, mode)).display("write " + remotePath));
            return;
        }
        // Large: SFTP to a private temp file as the login user, then root moves it into place.
        String tmp = "/tmp/.failover-lab-upload-" + UUID.randomUUID();
        sftpPut(content, tmp);
        String q = ShellQuote.quote(remotePath);
        String next = ShellQuote.quote(remotePath + ".tmp" + System.nanoTime());
        String script = "set -e\ntrap 'rm -f " + tmp + "' EXIT\nmkdir -p \"$(dirname " + q + ")\"\numask 077\n"
                + "cat " + tmp + " > " + next + "\nchmod " + mode + " " + next + "\nmv -f " + next + " " + q + "\n";
        check(Command.asRoot(script).display("write " + remotePath));
    }

    private void sftpPut(byte[] content, String path) throws IOException {
        acquireChannel();
        ChannelSftp sftp = null;
        try {
            sftp = (ChannelSftp) session().openChannel("sftp");
            sftp.connect(CONNECT_TIMEOUT_MS);
            sftp.put(new ByteArrayInputStream(new byte[0]), path);
            sftp.chmod(0600, path); // before the content arrives, so it is never readable by others
            sftp.put(new ByteArrayInputStream(content), path);
        } catch (JSchException | SftpException e) {
            throw new IOException("Cannot copy a file to " + describe() + " over SFTP: " + e.getMessage() + ".", e);
        } finally {
            if (sftp != null) sftp.disconnect();
            channels.release();
        }
    }

    @Override
    public PortForward forward(String remoteHost, int remotePort) throws IOException {
        session(); // fails here, in one sentence, when the host cannot be reached at all
        return new LastingTunnel(this::liveSession, remoteHost, remotePort, describe());
    }

    /** The session, reconnected when it dropped; a dead one that still looks connected is replaced. */
    private Session liveSession() {
        Session s = session();
        try {
            s.sendKeepAliveMsg();
            return s;
        } catch (Exception dead) {
            dropSession();
            return session();
        }
    }

    @Override
    public String describe() { return user + "@" + host + ":" + port; }

    @Override
    public synchronized boolean loginIsRoot() throws IOException {
        if (root == null) {
            CommandResult r = exec(Privilege.wrap(RunAs.LOGIN, false), Privilege.stdin("id -u"), Duration.ofSeconds(30), OutputListener.NONE, RunAs.LOGIN);
            if (!r.ok()) throw new RemoteCommandException(describe(), Command.of("id -u"), r);
            root = "0".equals(r.stdout().strip());
        }
        return root;
    }

    private synchronized void dropSession() {
        if (session != null) session.disconnect();
        session = null;
    }

    @Override
    public void close() { dropSession(); }
}
