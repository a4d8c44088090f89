package io.failoverlab.ui;

import io.failoverlab.lab.NodeState;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.TextInputControl;
import javafx.scene.text.Text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds English in a Russian window: a run of three or more Latin-letter words with no Russian
 * word between them, not counting the allowed ones (pg_auto_failover's and the commands' own
 * words, node names, state names). The log, whose lines are the hosts' own output, is left out.
 */
final class EnglishRuns {
    private static final Pattern WORD = Pattern.compile("[\\p{L}][\\p{L}\\p{N}_'’.-]*");
    private static final Set<String> ALLOWED = allowed();

    private EnglishRuns() { }

    private static Set<String> allowed() {
        Set<String> s = new java.util.HashSet<>(Arrays.asList(
                "pg_autoctl", "pg_auto_failover", "postgres", "postgresql", "postmaster", "keeper", "psql", "pid",
                "ha_test", "ser_id", "count", "max", "insert", "select", "kill", "tli", "lsn", "uri", "gce", "vm",
                "perform_failover", "start_maintenance", "--allow-failover", "allow-failover", "failover", "switchover",
                "standby", "base", "backup", "libpq", "target_session_attrs", "read-write", "multi-host", "ssh", "sudo",
                "systemd", "detached", "ha-demo", "gcloud", "pg_rewind", "b", "kb", "mb", "s"));
        for (NodeState st : NodeState.values()) s.add(st.id());
        return s;
    }

    /** The runs found in one text, each as its words. */
    static List<String> runs(String text) {
        List<String> found = new ArrayList<>();
        List<String> run = new ArrayList<>();
        int counted = 0;
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            String w = m.group().replaceAll("[.'’-]+$", "");
            boolean latin = w.chars().anyMatch(c -> c < 128 && Character.isLetter(c)) && w.chars().noneMatch(c -> Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CYRILLIC);
            boolean russian = w.chars().anyMatch(c -> Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CYRILLIC);
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

    static boolean allowedWord(String w) {
        String l = w.toLowerCase(Locale.ROOT);
        return ALLOWED.contains(l) || l.matches("node\\d+|[a-z]+-\\d+|ui-\\w+|\\d.*") || l.contains("/") || l.contains("_");
    }

    /** Every visible text of the scene graph under root (labels, cells, Text nodes), the log and text fields left out. */
    static List<String> visibleTexts(Parent root) {
        List<String> out = new ArrayList<>();
        collect(root, out);
        return out;
    }

    private static void collect(Node n, List<String> out) {
        if (!n.isVisible() || n instanceof ListView<?> || n instanceof TextInputControl || "log-pane".equals(n.getId())) return;
        if (n instanceof Labeled l && l.getText() != null) out.add(l.getText());
        else if (n instanceof Text t && t.getText() != null && !(n.getParent() instanceof Labeled)) out.add(t.getText());
        if (n instanceof Parent p) for (Node c : p.getChildrenUnmodifiable()) collect(c, out);
    }

    /** "text: run" for each English run in the visible texts under root. */
    static String problems(Parent root) {
        return visibleTexts(root).stream().flatMap(t -> runs(t).stream().map(r -> "«" + r + "» in: " + t))
                .distinct().collect(Collectors.joining("\n"));
    }
}
