package io.failoverlab.ui;

import io.failoverlab.testing.EnglishText;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.TextInputControl;
import javafx.scene.text.Text;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Finds English in a Russian window (testing.EnglishText: a run of three or more Latin-letter
 * words, allowed ones not counted) in its visible texts. The log, whose lines are the hosts' own
 * output, is left out.
 */
final class EnglishRuns {
    private EnglishRuns() { }

    /** The runs found in one text, each as its words. */
    static List<String> runs(String text) { return EnglishText.runs(text); }

    static boolean allowedWord(String w) { return EnglishText.allowedWord(w); }

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
