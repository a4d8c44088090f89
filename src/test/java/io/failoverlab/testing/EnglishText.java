package io.failoverlab.testing;

import io.failoverlab.lab.NodeState;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds English in Russian text: a run of three or more Latin-letter words with no Russian word
 * between them, not counting the allowed ones (pg_auto_failover's and the commands' own words,
 * node names, state names). Used on the window (ui.EnglishRuns), the report and the CLI.
 */
public final class EnglishText {
    private static final Pattern WORD = Pattern.compile("[\\p{L}][\\p{L}\\p{N}_'’.-]*");
    private static final Set<String> ALLOWED = allowed();

    private EnglishText() { }

    private static Set<String> allowed() {
        Set<String> s = new HashSet<>(Arrays.asList(
                "pg_autoctl", "pg_auto_failover", "postgres", "postgresql", "postmaster", "keeper", "psql", "pid",
                "ha_test", "ser_id", "count", "max", "insert", "select", "kill", "tli", "lsn", "uri", "gce", "vm",
                "perform_failover", "start_maintenance", "--allow-failover", "allow-failover", "failover", "switchover",
                "standby", "base", "backup", "libpq", "target_session_attrs", "read-write", "multi-host", "ssh", "sudo",
                "systemd", "detached", "ha-demo", "gcloud", "pg_rewind", "b", "kb", "mb", "s",
                // the local lab's own names (its instance "monitor", its host "local") and a host's system
                "monitor", "local", "debian", "gnu", "linux", "bookworm", "trixie", "ubuntu", "gib", "mib",
                // product names
                "google", "compute", "engine"));
        for (NodeState st : NodeState.values()) s.add(st.id());
        return s;
    }

    /** The runs found in one text, each as its words. */
    public static List<String> runs(String text) {
        List<String> found = new ArrayList<>();
        List<String> run = new ArrayList<>();
        int counted = 0;
        // a path or URL is a name, whatever its words; `…` is a command, as the CLI quotes its verbs
        Matcher m = WORD.matcher(text.replaceAll("`[^`]*`", " ").replaceAll("\\S*/\\S*", " "));
        while (m.find()) {
            String w = m.group().replaceAll("[.'’-]+$", "");
            boolean russian = w.chars().anyMatch(c -> Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CYRILLIC);
            boolean latin = !russian && w.chars().anyMatch(c -> c < 128 && Character.isLetter(c));
            if (russian) {
                if (counted >= 3) found.add(String.join(" ", run));
                run.clear();
                counted = 0;
            } else if (latin) {
                run.add(w);
                if (!allowedWord(w)) counted++;
            }
        }
        if (counted >= 3) found.add(String.join(" ", run));
        return found;
    }

    public static boolean allowedWord(String w) {
        String l = w.toLowerCase(Locale.ROOT);
        return ALLOWED.contains(l) || l.matches("node\\d+|[a-z]+-\\d+|ui-\\w+|.*\\d.*") || l.contains("/") || l.contains("_");
    }

    /**
     * A Markdown report's own sentences: fenced code (commands, their output, the state table),
     * inline code, HTML tags and image links left out, for they hold the hosts' words, not the app's.
     */
    public static List<String> prose(String markdown) {
        List<String> out = new ArrayList<>();
        boolean fence = false;
        for (String line : markdown.split("\n")) {
            if (line.startsWith("```")) {
                fence = !fence;
                continue;
            }
            if (fence || line.startsWith("![")) continue;
            String l = line.replaceAll("`[^`]*`", " ").replaceAll("<[^>]+>", " ").replaceAll("\\\\(.)", "$1");
            if (!l.isBlank()) out.add(l);
        }
        return out;
    }

    /** "«run» in: line" for each English run in the lines. */
    public static List<String> problems(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String l : lines) for (String r : runs(l)) out.add("«" + r + "» in: " + l);
        return out;
    }
}
