package io.failoverlab.report;

import io.failoverlab.lab.NodeState;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The failover timeline as a PNG, drawn with java.awt on an off-screen image (works headless):
 * one lane per node coloured by the state it reported, a monitor lane, and the lab's actions as
 * marks on a seconds axis.
 */
public final class TimelineChart {
    /** An action of the lab at an instant (a step's start), drawn as a vertical mark. */
    public record Mark(Instant at, String label, boolean ok) { }

    private static final int WIDTH = 1400;
    private static final int LEFT = 120;
    private static final int RIGHT = 30;
    private static final int LANE = 46;
    private static final int GAP = 10;

    private TimelineChart() { }

    public static Color colour(NodeState s) {
        switch (s.category()) {
            case "primary": return new Color(0x2f855a);
            case "primary-degraded": return new Color(0x68d391);
            case "secondary": return new Color(0x3182ce);
            case "maintenance": return new Color(0x805ad5);
            case "transitioning": return new Color(0xdd8b12);
            default: return s == NodeState.UNKNOWN ? new Color(0xa0aec0) : new Color(0xc53030);
        }
    }

    /** states sorted by time; only those up to `to` are drawn, each lasting until the next. */
    public static byte[] render(String title, List<JournalState> states, List<Mark> marks, Instant from, Instant to) {
        Set<String> nodes = new LinkedHashSet<>();
        for (JournalState s : states) for (JournalState.Row r : s.nodes()) nodes.add(r.name());
        List<String> lanes = new ArrayList<>(nodes);
        double span = Math.max(1.0, Duration.between(from, to).toMillis() / 1000.0);

        // mark labels are stacked in rows so they never overlap
        BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D pg = probe.createGraphics();
        pg.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        FontMetrics pfm = pg.getFontMetrics();
        List<int[]> rowsEnd = new ArrayList<>();
        List<Integer> markRow = new ArrayList<>();
        for (Mark m : marks) {
            int x = x(m.at(), from, span);
            int lw = pfm.stringWidth(m.label());
            // where the label is drawn: right of its mark, or left of it near the right edge (as drawn below)
            int start = x + 3 + lw > WIDTH - 4 ? x - 3 - lw : x;
            int row = 0;
            while (row < rowsEnd.size() && rowsEnd.get(row)[0] > start) row++;
            if (row == rowsEnd.size()) rowsEnd.add(new int[]{0});
            rowsEnd.get(row)[0] = Math.max(x, start + lw + 8);
            markRow.add(row);
        }
        pg.dispose();
        int labelRows = Math.max(1, rowsEnd.size());
        int top = 44 + labelRows * 16 + 6;
        int height = top + (lanes.size() + 1) * (LANE + GAP) + 70;

        BufferedImage img = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, height);
        g.setColor(new Color(0x1a202c));
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 17));
        g.drawString(title, LEFT, 26);

        // lanes: the monitor, then each node
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        int y0 = top;
        g.setColor(new Color(0x2d3748));
        g.drawString("monitor", 12, y0 + LANE / 2 + 5);
        for (int i = 0; i < lanes.size(); i++) g.drawString(lanes.get(i), 12, y0 + (i + 1) * (LANE + GAP) + LANE / 2 + 5);
        g.setColor(new Color(0xf7fafc));
        for (int i = 0; i <= lanes.size(); i++) g.fillRect(LEFT, y0 + i * (LANE + GAP), WIDTH - LEFT - RIGHT, LANE);

        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        FontMetrics fm = g.getFontMetrics();
        for (int k = 0; k < states.size(); k++) {
            JournalState s = states.get(k);
            Instant a = s.instant();
            Instant b = k + 1 < states.size() ? states.get(k + 1).instant() : to;
            if (!b.isAfter(from) || !a.isBefore(to)) continue;
            int xa = x(a.isBefore(from) ? from : a, from, span);
            int xb = x(b.isAfter(to) ? to : b, from, span);
            if (xb <= xa) xb = xa + 1;
            g.setColor(s.reachable() ? new Color(0x9ae6b4) : new Color(0xfc8181));
            g.fillRect(xa, y0, xb - xa, LANE);
            if (!s.reachable()) label(g, fm, "unreachable", xa, xb, y0);
            if (!s.reachable()) continue; // the nodes keep what they last reported
            for (int i = 0; i < lanes.size(); i++) {
                int ly = y0 + (i + 1) * (LANE + GAP);
                JournalState.Row row = null;
                for (JournalState.Row r : s.nodes()) if (r.name().equals(lanes.get(i))) row = r;
                if (row == null) continue;
                NodeState rep = row.reportedState();
                NodeState asg = row.assignedState();
                g.setColor(colour(rep));
                g.fillRect(xa, ly, xb - xa, LANE - 10);
                g.setColor(colour(asg));
                g.fillRect(xa, ly + LANE - 10, xb - xa, 10);
                label(g, fm, rep == asg ? rep.id() : rep.id() + "→" + asg.id(), xa, xb, ly);
            }
        }

        // axis in seconds since the start of the picture
        int axisY = y0 + (lanes.size() + 1) * (LANE + GAP) + 4;
        g.setColor(new Color(0x4a5568));
        g.setStroke(new BasicStroke(1f));
        g.drawLine(LEFT, axisY, WIDTH - RIGHT, axisY);
        double step = niceStep(span / 12);
        for (double t = 0; t <= span + 1e-6; t += step) {
            int x = LEFT + (int) Math.round(t / span * (WIDTH - LEFT - RIGHT));
            g.drawLine(x, axisY, x, axisY + 5);
            String lbl = step < 1 ? String.format(Locale.ROOT, "%.1f s", t) : String.format(Locale.ROOT, "%.0f s", t);
            g.drawString(lbl, x - fm.stringWidth(lbl) / 2, axisY + 18);
        }
        String range = from.toString().replace('T', ' ').replaceAll("\\.\\d+Z$", "Z") + "  +" + String.format(Locale.ROOT, "%.1f s", span);
        g.drawString(range, LEFT, axisY + 38);

        // the lab's actions
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        FontMetrics mfm = g.getFontMetrics();
        for (int i = 0; i < marks.size(); i++) {
            Mark m = marks.get(i);
            if (m.at().isBefore(from) || m.at().isAfter(to)) continue;
            int x = x(m.at(), from, span);
            int ly = 44 + markRow.get(i) * 16;
            g.setColor(m.ok() ? new Color(0x2d3748) : new Color(0xc53030));
            g.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[]{4f, 3f}, 0f));
            g.drawLine(x, ly + 3, x, axisY);
            int lw = mfm.stringWidth(m.label());
            g.drawString(m.label(), x + 3 + lw > WIDTH - 4 ? x - 3 - lw : x + 3, ly + mfm.getAscent() - 2);
        }
        g.dispose();
        return png(img);
    }

    private static void label(Graphics2D g, FontMetrics fm, String text, int xa, int xb, int ly) {
        if (fm.stringWidth(text) + 6 > xb - xa) return;
        g.setColor(Color.WHITE);
        g.drawString(text, xa + 3, ly + 15);
    }

    private static int x(Instant t, Instant from, double span) {
        double s = Duration.between(from, t).toMillis() / 1000.0;
        return LEFT + (int) Math.round(Math.max(0, Math.min(span, s)) / span * (WIDTH - LEFT - RIGHT));
    }

    private static double niceStep(double raw) {
        double[] nice = {0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 1200, 1800, 3600};
        for (double n : nice) if (n >= raw) return n;
        return 7200;
    }

    static byte[] png(BufferedImage img) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
