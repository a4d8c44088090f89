package io.failoverlab.report;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Everything that came from the lab passes here on its way into the report: secrets masked and,
 * with redact, the lab's folders and the user's home replaced by placeholders, so a report can
 * be handed in without naming this computer.
 */
final class Redaction {
    private final Secrets secrets;
    private final UnaryOperator<String> folders;

    private Redaction(Secrets secrets, UnaryOperator<String> folders) {
        this.secrets = secrets;
        this.folders = folders;
    }

    /** Secrets masked only. */
    static Redaction masking(Secrets secrets) {
        return new Redaction(secrets, s -> s);
    }

    /** Replaces the lab's data folder (and its parent), the journal folder and the home folder with placeholders. */
    static Redaction of(boolean redact, JournalModel m, Path journalDir, Secrets secrets) {
        if (!redact) return masking(secrets);
        Map<String, String> map = new LinkedHashMap<>();
        String dataDir = m.labString("dataDir", null);
        if (dataDir != null && !dataDir.isBlank()) {
            Path p = Path.of(dataDir);
            if (p.getParent() != null && p.getParent().getParent() != null) map.put(p.getParent().toString(), "<lab-folder>");
            else map.put(dataDir, "<data>");
        }
        map.put(journalDir.toAbsolutePath().toString(), "<journal>");
        String home = System.getProperty("user.home");
        if (home != null && home.length() > 1) map.put(home, "~");
        return new Redaction(secrets, s -> {
            if (s == null) return null;
            String r = s;
            for (Map.Entry<String, String> e : map.entrySet()) r = r.replace(e.getKey(), e.getValue());
            return r.replace("/tmp/", "<tmp>/");
        });
    }

    /** Text from the lab, fit for the report ("" for none). */
    String clean(String s) {
        return s == null ? "" : folders.apply(secrets.mask(s));
    }
}
