package io.failoverlab.ui.timeline;

import io.failoverlab.ui.app.Messages;
import io.failoverlab.ui.app.NodePool;
import io.failoverlab.ui.app.Styles;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.InvalidationListener;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.shape.Line;
import javafx.util.Duration;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The failover timeline: a lane per node with its reported state over time as coloured segments
 * (the table's state classes; an outline while reported ≠ assigned), a line across the lanes
 * where an action or fault began and where it ended, and the durations it measured written at
 * its end. Shows the last few minutes; redrawn when the model changes and once a second, while shown.
 */
public final class TimelineView {
    static final java.time.Duration MIN_SPAN = java.time.Duration.ofSeconds(60);
    static final java.time.Duration MAX_SPAN = java.time.Duration.ofMinutes(10);
    private static final double NAME_W = 78, LANE_H = 24, LANE_GAP = 6, TOP = 40, RIGHT = 12;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final TimelineModel model;
    private final Messages m;
    private final Pane pane = new Pane();
    private final Label empty = new Label();
    // drawing order, bottom to top
    private final NodePool<Line> grid = new NodePool<>(Line::new, "tl-grid");
    private final NodePool<Region> monitorDown = new NodePool<>(TimelineView::segment, "tl-monitor-down");
    private final NodePool<Label> monitorDownLabels = new NodePool<>(TimelineView::segmentLabel, "tl-monitor-down-label");
    private final NodePool<Label> tickLabels = new NodePool<>(Label::new, "tl-tick");
    private final NodePool<Label> laneNames = new NodePool<>(Label::new, "tl-lane-name");
    private final NodePool<Region> segments = new NodePool<>(TimelineView::segment, "tl-segment");
    private final NodePool<Label> segmentLabels = new NodePool<>(TimelineView::segmentLabel, "tl-segment-label");
    private final NodePool<Line> markers = new NodePool<>(Line::new, "tl-marker");
    private final NodePool<Label> markerLabels = new NodePool<>(Label::new, "tl-marker-label");
    private final List<NodePool<?>> pools = List.of(grid, monitorDown, tickLabels, laneNames, segments, segmentLabels,
            monitorDownLabels, markers, markerLabels);

    /** The height the picture needs for this many lanes: the lanes, the clock, three rows of end markers. */
    public static double neededHeight(int lanes) {
        return TOP + Math.max(2, lanes) * (LANE_H + LANE_GAP) + 20 + 2 * 18 + 28;
    }

    public TimelineView(TimelineModel model, Messages m) {
        this.model = model;
        this.m = m;
    }

    public Region build() {
        pane.setId("timeline");
        pane.getStyleClass().add("timeline");
        pane.setMinSize(0, 0);
        empty.setText(m.tr("timeline.empty"));
        empty.getStyleClass().add("tl-empty");
        empty.relocate(NAME_W, TOP);
        pane.getChildren().add(empty);
        for (NodePool<?> p : pools) pane.getChildren().add(p.layer());
        InvalidationListener redraw = o -> draw();
        model.revisionProperty().addListener(redraw);
        pane.widthProperty().addListener(redraw);
        pane.heightProperty().addListener(redraw);
        // hidden behind another tab: not drawn; drawn again the moment its tab is shown
        pane.parentProperty().addListener((o, a, p) -> {
            if (a != null) a.visibleProperty().removeListener(redraw);
            if (p != null) p.visibleProperty().addListener(redraw);
        });
        Timeline tick = new Timeline(new KeyFrame(Duration.seconds(1), e -> draw()));
        tick.setCycleCount(Timeline.INDEFINITE);
        pane.sceneProperty().addListener((o, a, s) -> {
            if (s == null) {
                tick.stop();
                model.revisionProperty().removeListener(redraw);
            } else {
                tick.play();
            }
        });
        draw();
        return pane;
    }

    /** The time range shown: from the first event (or the last MAX_SPAN) to now, at least MIN_SPAN wide. */
    public static Instant[] range(Instant first, Instant now) { return range(first, null, now); }

    /**
     * As above, but starting LEAD before focus (the last action's start) when that is later: the
     * failover just made fills the width instead of the last tenth of a ten-minute picture.
     */
    public static Instant[] range(Instant first, Instant focus, Instant now) {
        Instant from = first == null ? now.minus(MIN_SPAN) : first;
        if (from.isBefore(now.minus(MAX_SPAN))) from = now.minus(MAX_SPAN);
        if (focus != null && focus.minus(LEAD).isAfter(from)) from = focus.minus(LEAD);
        Instant to = from.plus(MIN_SPAN).isAfter(now) ? from.plus(MIN_SPAN) : now;
        return new Instant[]{from, to};
    }

    static final java.time.Duration LEAD = java.time.Duration.ofSeconds(20);

    /** The start of the last action or fault shown: the picture follows it. */
    private Instant focus() {
        List<TimelineModel.Marker> all = model.markers();
        for (int i = all.size() - 1; i >= 0; i--) if (all.get(i).start()) return all.get(i).at();
        return null;
    }

    private boolean shown() {
        for (javafx.scene.Node n = pane; n != null; n = n.getParent()) if (!n.isVisible()) return false;
        return pane.getScene() != null;
    }

    /**
     * Draws the picture again with the shapes of the last drawing (see NodePool): once a second
     * only the open segments grow and the clock labels change.
     */
    private void draw() {
        if (!shown()) return;
        for (NodePool<?> p : pools) p.begin();
        try {
            drawLanes();
        } finally {
            for (NodePool<?> p : pools) p.end();
        }
    }

    private void drawLanes() {
        double w = pane.getWidth();
        List<String> lanes = model.lanes();
        boolean nothing = lanes.isEmpty() && model.markers().isEmpty();
        empty.setVisible(nothing);
        if (nothing || w <= NAME_W + RIGHT + 10) return;
        Instant now = Instant.now();
        Instant[] r = range(model.first(), focus(), now);
        double x0 = NAME_W, x1 = w - RIGHT;
        double span = Math.max(1, r[1].toEpochMilli() - r[0].toEpochMilli());
        java.util.function.ToDoubleFunction<Instant> x = t -> x0 + (x1 - x0) * Math.max(0, Math.min(1, (t.toEpochMilli() - r[0].toEpochMilli()) / span));
        double lanesBottom = TOP + lanes.size() * (LANE_H + LANE_GAP);

        // time axis: a few clock ticks under the lanes
        for (Instant t : ClockTicks.between(r[0], r[1], x1 - x0, 120)) {
            double tx = x.applyAsDouble(t);
            NodePool.setEnds(grid.take(), tx, TOP - 4, tx, lanesBottom);
            Label l = tickLabels.take();
            l.setText(LocalTime.ofInstant(t, ZoneId.systemDefault()).format(CLOCK));
            l.relocate(tx - 26, lanesBottom + 2);
        }
        // the monitor's down spans: a band behind the lanes, since no failover can happen in them
        for (TimelineModel.MonitorGap g : model.monitorGaps()) {
            Instant end = g.open() ? now : g.to();
            if (end.isBefore(r[0])) continue;
            double gx = x.applyAsDouble(g.from()), gw = Math.max(2, x.applyAsDouble(end) - gx);
            monitorDown.take().resizeRelocate(gx, TOP - 6, gw, lanesBottom - TOP + 6);
            if (gw > 60) {
                Label gl = monitorDownLabels.take();
                gl.setText(m.tr("timeline.monitorDown"));
                gl.setMaxWidth(gw - 4);
                gl.relocate(gx + 2, lanesBottom - 16);
            }
        }
        for (int i = 0; i < lanes.size(); i++) {
            String node = lanes.get(i);
            double y = TOP + i * (LANE_H + LANE_GAP);
            Label name = laneNames.take();
            name.setText(node);
            name.relocate(6, y + 3);
            for (TimelineModel.Segment s : model.segments(node)) {
                Instant end = s.open() ? now : s.to();
                if (end.isBefore(r[0])) continue;
                double sx = x.applyAsDouble(s.from()), ex = x.applyAsDouble(end);
                Region seg = segments.take();
                Styles.replace(seg, c -> c.startsWith("state-") || c.equals("transition"),
                        s.styleClass(), s.reported() != s.assigned() ? "transition" : null);
                seg.resizeRelocate(sx, y, Math.max(2, ex - sx), LANE_H);
                if (ex - sx > 70) {
                    Label st = segmentLabels.take();
                    st.setText(s.reported().id());
                    st.setMaxWidth(ex - sx - 8); // a short segment ends its name with "…" rather than writing over the next
                    st.relocate(sx + 4, y + 4);
                }
            }
        }
        // markers: a line across the lanes; the name on top for a start, the figures under the lanes for an end
        int row = 0, startRow = 0;
        for (TimelineModel.Marker mk : model.markers()) {
            if (mk.at().isBefore(r[0])) continue;
            double mx = x.applyAsDouble(mk.at());
            if (mk.kind() == TimelineModel.Kind.NODE) {
                nodeMark(mk, mx, TOP + Math.max(0, lanes.indexOf(mk.name())) * (LANE_H + LANE_GAP), x1);
                continue;
            }
            int r0 = mk.start() ? startRow++ % 2 : row++ % 3;
            String kind = "tl-" + mk.kind().name().toLowerCase(Locale.ROOT).replace('_', '-');
            Line l = markers.take();
            NodePool.setEnds(l, mx, mk.start() ? 2 + r0 * 18 : TOP - 4, mx, lanesBottom + (mk.start() ? 0 : 20 + r0 * 18));
            Styles.replace(l, c -> c.startsWith("tl-") && !c.equals("tl-marker"), kind);
            Label text = markerLabels.take();
            text.setText(markerText(mk));
            Styles.replace(text, c -> c.startsWith("tl-") && !c.equals("tl-marker-label"), kind);
            place(text, mx, mk.start() ? 2 + r0 * 18 : lanesBottom + 20 + r0 * 18, x0, x1);
        }
    }

    /** A node event: a tick across that node's lane only, its text inside the lane. */
    private void nodeMark(TimelineModel.Marker mk, double mx, double y, double x1) {
        Line l = markers.take();
        NodePool.setEnds(l, mx, y - 2, mx, y + LANE_H + 2);
        Styles.replace(l, c -> c.startsWith("tl-") && !c.equals("tl-marker"), "tl-node");
        Label text = markerLabels.take();
        text.setText("◆ " + mk.message());
        Styles.replace(text, c -> c.startsWith("tl-") && !c.equals("tl-marker-label"), "tl-node");
        place(text, mx, y + LANE_H - 16, NAME_W, x1);
    }

    /** A marker's text right of its line, or left of it when it would run past the right edge. */
    private static void place(Label text, double mx, double y, double x0, double x1) {
        double w = text.prefWidth(-1);
        if (mx + 3 + w > x1 && mx - 3 - w >= x0) {
            text.setMaxWidth(w);
            text.relocate(mx - 3 - w, y);
        } else {
            text.setMaxWidth(Math.max(80, x1 - mx));
            text.relocate(mx + 3, y);
        }
    }

    private static Region segment() {
        Region seg = new Region();
        seg.setManaged(false); // sized here, not by the layout (an empty region's preferred size is 0)
        return seg;
    }

    private static Label segmentLabel() {
        Label l = new Label();
        l.setMouseTransparent(true); // a click on a segment's name is a click on the segment
        return l;
    }

    private String markerText(TimelineModel.Marker mk) {
        if (mk.start()) return (mk.kind() == TimelineModel.Kind.FAULT ? "⚡ " : "▶ ") + mk.name();
        StringBuilder sb = new StringBuilder(mk.kind() == TimelineModel.Kind.END_OK ? "✔ " : "✘ ").append(mk.name());
        for (Map.Entry<String, Double> f : TimelineModel.shownFigures(mk)) {
            String label = m.has("figure." + f.getKey()) ? m.tr("figure." + f.getKey()) : f.getKey();
            sb.append(" · ").append(label).append(' ').append(m.tr("timeline.seconds", String.format(m.locale(), "%.1f", f.getValue())));
        }
        return sb.toString();
    }
}
