package io.failoverlab.ui;

import io.failoverlab.ui.actions.Actions;
import io.failoverlab.ui.actions.ConsoleAction;
import io.failoverlab.ui.nodes.NodeRow;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;

import java.util.ArrayList;
import java.util.List;

/**
 * What a projector layout must hold, read from the live scene (FX thread): every node-table
 * header and cell shows its whole text, the table shows exactly its rows, every diagram box is
 * inside the diagram, every action is reachable from the toolbar. Each returns the problems found.
 */
public final class LayoutChecks {
    private LayoutChecks() { }

    /** A Labeled shows its text cut when the skin's Text child holds less (an ellipsis) than the label's text. */
    static String cut(Labeled l) {
        String full = l.getText();
        if (full == null || full.isEmpty()) return null;
        for (Node c : l.getChildrenUnmodifiable()) {
            if (c instanceof Text t && t.getStyleClass().contains("text")) {
                return full.equals(t.getText()) ? null : "'" + full + "' shown as '" + t.getText() + "'";
            }
        }
        return null; // no text child: the label shows a graphic only
    }

    static boolean shown(Node n) {
        for (Node p = n; p != null; p = p.getParent()) if (!p.isVisible()) return false;
        return n.getScene() != null;
    }

    static List<String> table(Scene scene) {
        List<String> problems = new ArrayList<>();
        @SuppressWarnings("unchecked")
        TableView<NodeRow> t = (TableView<NodeRow>) scene.lookup("#node-table");
        Bounds tb = t.localToScene(t.getLayoutBounds());
        for (Node n : t.lookupAll(".column-header .label")) {
            if (n instanceof Labeled l && shown(l)) {
                String c = cut(l);
                if (c != null) problems.add("header " + c);
            }
        }
        int rows = 0;
        for (Node n : t.lookupAll(".table-row-cell")) {
            if (!(n instanceof TableRow<?> r) || !shown(r)) continue;
            Bounds rb = r.localToScene(r.getLayoutBounds());
            // a row cell may sit just below the last row, under the table's bottom border
            boolean inView = rb.getMinY() < tb.getMaxY() - 3 && rb.getMaxY() > tb.getMinY();
            if (!inView) continue;
            if (r.isEmpty() || r.getItem() == null) {
                problems.add("an empty row is shown (the table is taller than its rows)");
                continue;
            }
            if (rb.getMaxY() > tb.getMaxY() + 0.5) problems.add("row " + r.getIndex() + " is cut at the table's bottom");
            rows++;
        }
        if (rows != t.getItems().size()) problems.add(rows + " of " + t.getItems().size() + " rows shown");
        for (Node n : t.lookupAll(".table-cell")) {
            if (!(n instanceof TableCell<?, ?> c) || !shown(c) || c.isEmpty()) continue;
            String cutText = cut(c);
            if (cutText != null) problems.add("cell of " + c.getTableColumn().getId() + " " + cutText);
            Bounds cb = c.localToScene(c.getLayoutBounds());
            if (cb.getMaxX() > tb.getMaxX() + 0.5) problems.add("cell of " + c.getTableColumn().getId() + " past the table's right edge");
        }
        for (Node n : t.lookupAll(".scroll-bar")) {
            if (n instanceof ScrollBar sb && shown(sb)) problems.add("the table shows a " + sb.getOrientation() + " scroll bar");
        }
        return problems;
    }

    /** Every node box and the monitor wholly inside the diagram pane. */
    static List<String> diagram(Scene scene, List<String> nodes) {
        List<String> problems = new ArrayList<>();
        Node pane = scene.lookup("#topology");
        Bounds pb = pane.localToScene(pane.getLayoutBounds());
        List<String> ids = new ArrayList<>(nodes.stream().map(n -> "#topo-" + n).toList());
        ids.add("#topo-monitor");
        for (String id : ids) {
            Node box = scene.lookup(id);
            if (box == null || !shown(box)) {
                problems.add(id + " not shown");
                continue;
            }
            Bounds b = box.localToScene(box.getBoundsInLocal());
            if (b.getMinX() < pb.getMinX() - 0.5 || b.getMaxX() > pb.getMaxX() + 0.5
                    || b.getMinY() < pb.getMinY() - 0.5 || b.getMaxY() > pb.getMaxY() + 0.5) {
                problems.add(id + " at " + b + " outside the diagram " + pb);
            }
        }
        if (pb.getMaxX() > scene.getWidth() + 0.5) problems.add("the diagram ends past the window's right edge");
        return problems;
    }

    /** Each action: a visible toolbar button or group entry inside the window, or an entry of the "more" menu. */
    static List<String> toolbar(Scene scene, Actions actions) {
        List<String> problems = new ArrayList<>();
        Node bar = scene.lookup("#actions");
        List<MenuItem> more = new ArrayList<>();
        Node moreButton = scene.lookup("#actions-more");
        if (moreButton instanceof MenuButton mb && shown(mb) && inside(mb, scene)) collect(mb.getItems(), more);
        for (ConsoleAction a : actions.all()) {
            String group = a.group();
            boolean reachable;
            if (group == null) {
                Node b = bar.lookup("#" + Actions.nodeId(a.id()));
                reachable = b != null && shown(b) && inside(b, scene);
            } else {
                Node g = bar.lookup("#group-" + group);
                reachable = g instanceof MenuButton mb && shown(mb) && inside(mb, scene)
                        && mb.getItems().stream().anyMatch(i -> ("menu-" + a.id()).equals(i.getId()));
            }
            if (!reachable) reachable = more.stream().anyMatch(i -> ("more-" + a.id()).equals(i.getId()));
            if (!reachable) problems.add("action " + a.id() + " is not reachable from the toolbar");
        }
        for (Node n : ((Parent) bar).getChildrenUnmodifiable()) {
            if (n instanceof Labeled l && shown(l)) {
                String c = cut(l);
                if (c != null) problems.add("toolbar " + c);
            }
        }
        return problems;
    }

    public static boolean inside(Node n, Scene scene) {
        Bounds b = n.localToScene(n.getLayoutBounds());
        return b.getMinX() >= -0.5 && b.getMaxX() <= scene.getWidth() + 0.5 && b.getMaxY() <= scene.getHeight() + 0.5;
    }

    private static void collect(List<MenuItem> items, List<MenuItem> out) {
        for (MenuItem i : items) {
            out.add(i);
            if (i instanceof Menu m) collect(m.getItems(), out);
        }
    }

    /** The status bar's labels: none cut but the last result (which has its whole text as a tooltip), none past the window. */
    static List<String> statusBar(Scene scene) {
        List<String> problems = new ArrayList<>();
        for (String id : List.of("#status-monitor", "#status-lab", "#status-profile", "#status-busy", "#status-last")) {
            Node n = scene.lookup(id);
            if (!(n instanceof Labeled l) || !shown(l)) continue;
            if (!inside(l, scene)) problems.add(id + " past the window's edge");
            String c = cut(l);
            if (c != null && !id.equals("#status-last")) problems.add(id + " " + c);
            if (id.equals("#status-last") && l.getWidth() < 200 && !l.getText().isEmpty()) problems.add(id + " only " + l.getWidth() + " px wide");
        }
        return problems;
    }

    /** The log keeps its lines in sight above the status bar (CentrePane.logLines): the table and timeline must not squeeze it shut. */
    static List<String> log(Scene scene, boolean presentation) {
        int lines = io.failoverlab.ui.console.CentrePane.logLines(presentation);
        List<String> problems = new ArrayList<>();
        if (!(scene.lookup("#log-list") instanceof javafx.scene.control.ListView<?> list) || !shown(list)) {
            return List.of("no log list in sight");
        }
        Bounds b = list.localToScene(list.getBoundsInLocal());
        Node bar = scene.lookup(".status-bar");
        double bottom = bar == null ? scene.getHeight() : bar.localToScene(bar.getBoundsInLocal()).getMinY();
        double line = list.getFixedCellSize();
        double inSight = Math.min(b.getMaxY(), bottom) - Math.max(b.getMinY(), 0);
        if (line <= 0 || inSight < lines * line) {
            problems.add("the log shows " + String.format(java.util.Locale.ROOT, "%.1f", inSight / line) + " lines ("
                    + inSight + " px above the status bar, a line " + line + " px)");
        }
        return problems;
    }
}
