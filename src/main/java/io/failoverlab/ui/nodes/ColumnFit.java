package io.failoverlab.ui.nodes;

import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

import java.util.List;
import java.util.function.Function;

/**
 * Fits the node table to its width without cutting a header or a cell: each column gets the
 * width its texts need (a header of two words may break onto two lines), and the columns that
 * do not fit any more are hidden, the least important first (their values stay in the row's
 * tooltip). The table's height is that of its rows. Runs after a layout pass when the width,
 * the letters (presentation mode) or the rows changed.
 */
final class ColumnFit {
    /** A column, the texts its cells show and how its header is called. */
    record Col(TableColumn<NodeRow, ?> column, String header, Function<NodeRow, List<String>> texts, boolean bold) { }

    /** Cell padding (console.css: 6 each side), a state cell's transition border, the column's border line. */
    private static final double CELL_EXTRA = 12 + 6 + 2, HEADER_EXTRA = 18;
    private final TableView<NodeRow> table;
    /** In the order they give way: the last is hidden first. */
    private final List<Col> byPriority;
    private String last = "";

    ColumnFit(TableView<NodeRow> table, List<Col> byPriority) {
        this.table = table;
        this.byPriority = byPriority;
    }

    /** Call after a layout pass (FX thread); does nothing when nothing it depends on changed. */
    void fit() {
        Font header = font(".col-title", null);
        Font cell = font(".table-cell", header);
        if (header == null || table.getWidth() <= 0) return;
        String key = table.getWidth() + "|" + header + "|" + cell + "|" + table.getItems();
        if (key.equals(last)) return;
        last = key;
        Font bold = Font.font(cell.getFamily(), FontWeight.BOLD, cell.getSize());
        double room = table.getWidth() - table.snappedLeftInset() - table.snappedRightInset() - 2;
        double used = 0;
        for (Col c : byPriority) {
            double cells = 0;
            for (NodeRow r : table.getItems()) {
                for (String s : c.texts().apply(r)) cells = Math.max(cells, width(s, c.bold() ? bold : cell) + CELL_EXTRA);
            }
            String head = c.header();
            double one = width(head, header) + HEADER_EXTRA;
            int space = head.indexOf(' ');
            if (one > cells && space > 0) head = twoLines(head, header);
            double need = Math.ceil(Math.max(cells, longestLine(head, header) + HEADER_EXTRA));
            boolean fits = used + need <= room || used == 0;
            if (fits) used += need;
            ((javafx.scene.control.Label) c.column().getGraphic()).setText(head);
            c.column().setMinWidth(need);
            c.column().setPrefWidth(need);
            c.column().setVisible(fits);
        }
        height();
    }

    /** Exactly the rows: header + rows × fixed cell size (three rows' room for the placeholder when empty). */
    private void height() {
        Node headerRow = table.lookup(".column-header-background");
        double cellH = table.getFixedCellSize();
        if (headerRow == null || cellH <= 0) return;
        int rows = Math.max(table.getItems().size(), table.getItems().isEmpty() ? 3 : 0);
        double h = Math.ceil(headerRow.prefHeight(-1) + rows * cellH + table.snappedTopInset() + table.snappedBottomInset() + 1);
        table.setPrefHeight(h);
        table.setMinHeight(h);
        table.setMaxHeight(h);
    }

    /** "В состоянии" → "В\nсостоянии": the break that makes the longest line shortest. */
    static String twoLines(String text, Font f) {
        String best = text;
        double bestW = width(text, f);
        for (int i = text.indexOf(' '); i > 0; i = text.indexOf(' ', i + 1)) {
            String t = text.substring(0, i) + "\n" + text.substring(i + 1);
            double w = longestLine(t, f);
            if (w < bestW) {
                best = t;
                bestW = w;
            }
        }
        return best;
    }

    private static double longestLine(String text, Font f) {
        double w = 0;
        for (String line : text.split("\n")) w = Math.max(w, width(line, f));
        return w;
    }

    static double width(String s, Font f) {
        Text t = new Text(s);
        t.setFont(f);
        return t.getLayoutBounds().getWidth();
    }

    private Font font(String selector, Font fallback) {
        for (Node n : table.lookupAll(selector)) {
            if (n instanceof Labeled l && !l.getStyleClass().contains("state-cell")) return l.getFont();
        }
        return fallback;
    }
}
