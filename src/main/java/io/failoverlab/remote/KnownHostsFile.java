package io.failoverlab.remote;

import com.jcraft.jsch.HostKey;
import com.jcraft.jsch.HostKeyRepository;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.UserInfo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The app's own known_hosts file (OpenSSH format, plain host names, {@code [host]:port} for
 * ports other than 22 — JSch passes names in that form, or the host key alias when one is set).
 * Trust on first use: an unknown host's key is recorded and reported; a different key for a
 * known host is CHANGED, and JSch then refuses the connection. One instance per connection
 * attempt, so {@link #changed()} belongs to that attempt.
 */
public final class KnownHostsFile implements HostKeyRepository {

    /** Told when a host key is recorded at first contact. */
    @FunctionalInterface
    public interface FirstContact {
        void recorded(String hostName, String keyType, String fingerprint);
        FirstContact NONE = (h, t, f) -> { };
    }

    /** The recorded and the offered fingerprint of a refused key. */
    public record Change(String hostName, String knownFingerprint, String offeredFingerprint) { }

    private record Entry(List<String> names, String type, byte[] key, String line) { }

    // Several shells may share the file: one lock per path keeps read-modify-write whole.
    private static final Map<Path, Object> LOCKS = new ConcurrentHashMap<>();

    private final Path file;
    private final FirstContact firstContact;
    private volatile Change changed;

    public KnownHostsFile(Path file, FirstContact firstContact) {
        this.file = file.toAbsolutePath().normalize();
        this.firstContact = firstContact == null ? FirstContact.NONE : firstContact;
    }

    public Path path() { return file; }

    /** Set when check() answered CHANGED. */
    public Change changed() { return changed; }

    /** OpenSSH's form: "SHA256:" and the unpadded base64 of the SHA-256 of the key blob. */
    public static String fingerprint(byte[] keyBlob) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(keyBlob);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The key type named at the start of an SSH public key blob, e.g. "ssh-ed25519". */
    public static String keyType(byte[] keyBlob) {
        ByteBuffer b = ByteBuffer.wrap(keyBlob);
        int n = b.getInt();
        return new String(keyBlob, 4, n, StandardCharsets.US_ASCII);
    }

    @Override
    public int check(String host, byte[] key) {
        synchronized (lock()) {
            List<Entry> mine = read().stream().filter(e -> e.names.contains(host)).toList();
            if (mine.stream().anyMatch(e -> Arrays.equals(e.key, key))) return OK;
            if (mine.isEmpty()) {
                String type = keyType(key);
                append(host + " " + type + " " + Base64.getEncoder().encodeToString(key));
                firstContact.recorded(host, type, fingerprint(key));
                return OK;
            }
            // Report the recorded key of the same type when there is one: that is the one replaced.
            String type = keyType(key);
            Entry old = mine.stream().filter(e -> e.type.equals(type)).findFirst().orElse(mine.get(0));
            changed = new Change(host, fingerprint(old.key), fingerprint(key));
            return CHANGED;
        }
    }

    @Override
    public void add(HostKey hostkey, UserInfo ui) {
        synchronized (lock()) {
            append(hostkey.getHost() + " " + hostkey.getType() + " " + hostkey.getKey());
        }
    }

    @Override
    public void remove(String host, String type) { remove(host, type, null); }

    @Override
    public void remove(String host, String type, byte[] key) {
        synchronized (lock()) {
            List<String> keep = new ArrayList<>();
            for (Entry e : readAll()) {
                boolean drop = e.names != null && e.names.contains(host)
                        && (type == null || type.equals(e.type)) && (key == null || Arrays.equals(key, e.key));
                if (!drop) keep.add(e.line);
            }
            write(keep);
        }
    }

    @Override
    public String getKnownHostsRepositoryID() { return file.toString(); }

    @Override
    public HostKey[] getHostKey() { return getHostKey(null, null); }

    @Override
    public HostKey[] getHostKey(String host, String type) {
        List<HostKey> out = new ArrayList<>();
        synchronized (lock()) {
            for (Entry e : read()) {
                if (host != null && !e.names.contains(host)) continue;
                if (type != null && !type.equals(e.type)) continue;
                try {
                    out.add(new HostKey(String.join(",", e.names), HostKey.GUESS, e.key));
                } catch (JSchException ignored) {
                    // a key type this JSch does not know cannot be offered anyway
                }
            }
        }
        return out.toArray(new HostKey[0]);
    }

    private Object lock() { return LOCKS.computeIfAbsent(file, p -> new Object()); }

    /** Host key entries only (no comments, markers or hashed names). */
    private List<Entry> read() {
        return readAll().stream().filter(e -> e.names != null).toList();
    }

    private List<Entry> readAll() {
        if (!Files.exists(file)) return List.of();
        List<Entry> out = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                out.add(parse(line));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the known hosts file " + file + ".", e);
        }
        return out;
    }

    private static Entry parse(String line) {
        String t = line.strip();
        String[] f = t.split("\\s+");
        if (t.isEmpty() || t.startsWith("#") || t.startsWith("@") || t.startsWith("|") || f.length < 3) {
            return new Entry(null, null, null, line);
        }
        try {
            return new Entry(List.of(f[0].split(",")), f[1], Base64.getDecoder().decode(f[2]), line);
        } catch (IllegalArgumentException bad) {
            return new Entry(null, null, null, line);
        }
    }

    private void append(String line) {
        List<String> lines = new ArrayList<>(readAll().stream().map(Entry::line).toList());
        lines.add(line);
        write(lines);
    }

    /** Temp file + move, mode 600: a crash never leaves half a file. */
    private void write(List<String> lines) {
        try {
            StringBuilder text = new StringBuilder();
            for (String l : lines) text.append(l).append(System.lineSeparator());
            io.failoverlab.lab.Json.writeAtomically(file, text.toString().getBytes(StandardCharsets.UTF_8),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the known hosts file " + file + ".", e);
        }
    }
}
