package io.failoverlab.report;


import io.failoverlab.lab.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A lab's journal folder: journal.jsonl (one JSON object a line, append-only: a crash loses at
 * most the line being written, which reading skips), screenshots/NNN-checkpoint.png and the
 * student's conclusion.md. Default place: CONFIG/journals/&lt;lab name&gt;/.
 */
public final class Journal implements AutoCloseable {
    public static final String FILE = "journal.jsonl";
    public static final String CONCLUSION = "conclusion.md";
    public static final String SCREENSHOTS = "screenshots";

    private final Path dir;
    private boolean checked;

    public Journal(Path dir) {
        this.dir = dir;
    }

    /** CONFIG/journals/&lt;lab name, made safe for a folder name&gt;. */
    public static Path dirFor(Path configDir, String labName) {
        String safe = (labName == null || labName.isBlank() ? "lab" : labName).replaceAll("[^A-Za-z0-9._-]+", "_");
        if (safe.startsWith(".")) safe = "_" + safe;
        return configDir.resolve("journals").resolve(safe);
    }

    public Path dir() { return dir; }

    public Path file() { return dir.resolve(FILE); }

    public Path screenshots() { return dir.resolve(SCREENSHOTS); }

    public Path conclusion() { return dir.resolve(CONCLUSION); }

    public boolean exists() { return Files.isRegularFile(file()); }

    /** Appends one entry as one line, flushed before returning. */
    public synchronized void append(JournalEntry e) throws IOException {
        byte[] line = (Json.COMPACT.writeValueAsString(e) + "\n").getBytes(StandardCharsets.UTF_8);
        if (!checked) {
            Files.createDirectories(dir);
            terminateTornLine();
            checked = true;
        }
        // opened per entry: nothing to close, and several processes (CLI verbs, the window) may append in turn
        try (OutputStream out = Files.newOutputStream(file(), StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE)) {
            out.write(line);
        }
    }

    /** A line cut short by a crash gets its newline, so the next entry starts clean. */
    private void terminateTornLine() throws IOException {
        if (!Files.exists(file())) return;
        try (RandomAccessFile raf = new RandomAccessFile(file().toFile(), "rw")) {
            long n = raf.length();
            if (n == 0) return;
            raf.seek(n - 1);
            if (raf.read() != '\n') {
                raf.seek(n);
                raf.write('\n');
            }
        }
    }

    /** Every whole entry in order; torn or foreign lines are skipped. */
    public List<JournalEntry> read() throws IOException {
        List<JournalEntry> all = new ArrayList<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(file(), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return all;
        }
        for (String l : lines) {
            if (l.isBlank()) continue;
            try {
                all.add(Json.MAPPER.readValue(l, JournalEntry.class));
            } catch (IOException | RuntimeException ignored) {
                // a torn last line (crash while writing) or a hand-edited one
            }
        }
        return all;
    }

    /** The student's conclusion, or null when there is none yet. */
    public String readConclusion() throws IOException {
        Path c = conclusion();
        return Files.exists(c) ? Files.readString(c, StandardCharsets.UTF_8) : null;
    }

    public void writeConclusion(String text) throws IOException {
        Files.createDirectories(dir);
        io.failoverlab.lab.LabProfiles.writeAtomically(conclusion(), text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        // every entry is written and closed as it comes
    }
}
