package io.failoverlab.ui.timeline;

import io.failoverlab.ui.nodes.NodeRow;
import io.failoverlab.lab.ClusterSnapshot;
import io.failoverlab.lab.NodeState;
import io.failoverlab.lab.NodeStatus;
import io.failoverlab.ops.OperationResult;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The failover timeline's model: a lane per node holding its reported (and assigned) state over
 * time as segments, plus markers for the actions and faults started from the window, with the
 * figures each one measured. Fed only by ClusterSnapshots and the action controller; call on
 * the FX thread. Bounded: old segments and markers are let go.
 */
public final class TimelineModel {
    static final int MAX_SEGMENTS_PER_LANE = 2_000;
    static final int MAX_MARKERS = 500;

    /** One node in one state from {@code from} until {@code to} (null: still in it). */
    public record Segment(String node, NodeState reported, NodeState assigned, Instant from, Instant to) {
        public boolean open() { return to == null; }

        Segment closedAt(Instant at) { return new Segment(node, reported, assigned, from, at); }

        public String styleClass() { return NodeRow.styleClass(reported); }
    }

    /** NODE: something only that node saw (name = the node), drawn in its lane. */
    public enum Kind { ACTION, FAULT, END_OK, END_FAILED, NODE }

    /** A moment worth a line across the lanes: an action or fault began, or one ended (with its figures). */
    public record Marker(Instant at, Kind kind, String name, String message, Map<String, Double> figures) {
        public boolean start() { return kind == Kind.ACTION || kind == Kind.FAULT; }
    }

    /** A span when the monitor did not answer, from the first unreachable read to the first answer after it (to null: still down). */
    public record MonitorGap(Instant from, Instant to) {
        public boolean open() { return to == null; }
    }

    private final Map<String, List<Segment>> lanes = new LinkedHashMap<>();
    private final List<MonitorGap> monitorGaps = new ArrayList<>();
    private final List<Marker> markers = new ArrayList<>();
    private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper(0);
    private Instant first;

    /** Changes with every change of segments or markers: views redraw on it. */
    public ReadOnlyLongProperty revisionProperty() { return revision.getReadOnlyProperty(); }

    public Instant first() { return first; }

    public List<String> lanes() { return List.copyOf(lanes.keySet()); }

    public List<Segment> segments(String node) {
        List<Segment> l = lanes.get(node);
        return l == null ? List.of() : Collections.unmodifiableList(l);
    }

    public List<Marker> markers() { return Collections.unmodifiableList(markers); }

    /** The spans the monitor was down (stopped, killed, its machine off, being replaced): no failover could happen in them. */
    public List<MonitorGap> monitorGaps() { return Collections.unmodifiableList(monitorGaps); }

    /** The last marker of that kind, if any. */
    public java.util.Optional<Marker> last(Kind kind) {
        for (int i = markers.size() - 1; i >= 0; i--) if (markers.get(i).kind() == kind) return java.util.Optional.of(markers.get(i));
        return java.util.Optional.empty();
    }

    public void apply(ClusterSnapshot s) {
        MonitorGap gap = monitorGaps.isEmpty() ? null : monitorGaps.get(monitorGaps.size() - 1);
        if (!s.monitorReachable()) {
            // the lanes keep their last known state; a span opens once the monitor had been seen
            if (first != null && (gap == null || !gap.open())) {
                monitorGaps.add(new MonitorGap(s.at(), null));
                if (monitorGaps.size() > MAX_MARKERS) monitorGaps.remove(0);
                bump();
            }
            return;
        }
        boolean changed = false;
        if (gap != null && gap.open()) {
            monitorGaps.set(monitorGaps.size() - 1, new MonitorGap(gap.from(), s.at().isBefore(gap.from()) ? gap.from() : s.at()));
            changed = true;
        }
        if (first == null) first = s.at();
        for (NodeStatus n : s.nodes()) {
            List<Segment> lane = lanes.computeIfAbsent(n.name(), k -> new ArrayList<>());
            Segment last = lane.isEmpty() ? null : lane.get(lane.size() - 1);
            if (last != null && last.open() && last.reported() == n.reportedState() && last.assigned() == n.assignedState()) continue;
            Instant from = s.at();
            if (last != null && last.open()) {
                if (from.isBefore(last.from())) from = last.from();
                lane.set(lane.size() - 1, last.closedAt(from));
            }
            lane.add(new Segment(n.name(), n.reportedState(), n.assignedState(), from, null));
            if (lane.size() > MAX_SEGMENTS_PER_LANE) lane.remove(0);
            changed = true;
        }
        // a node the monitor no longer lists (dropped): its lane ends here
        for (Map.Entry<String, List<Segment>> e : lanes.entrySet()) {
            if (s.node(e.getKey()).isPresent() || e.getValue().isEmpty()) continue;
            Segment last = e.getValue().get(e.getValue().size() - 1);
            if (last.open()) {
                e.getValue().set(e.getValue().size() - 1, last.closedAt(s.at().isBefore(last.from()) ? last.from() : s.at()));
                changed = true;
            }
        }
        if (changed) bump();
    }

    public void actionStarted(String name, boolean fault, Instant at) {
        add(new Marker(at, fault ? Kind.FAULT : Kind.ACTION, name, "", Map.of()));
    }

    public void nodeEvent(String node, String what, Instant at) {
        add(new Marker(at, Kind.NODE, node, what == null ? "" : what, Map.of()));
    }

    public void actionEnded(OperationResult r, Instant at) {
        add(new Marker(at, r.ok() ? Kind.END_OK : Kind.END_FAILED, r.name(), r.message() == null ? "" : r.message(), r.figures()));
    }

    private void add(Marker m) {
        if (first == null) first = m.at();
        markers.add(m);
        if (markers.size() > MAX_MARKERS) markers.remove(0);
        bump();
    }

    private void bump() { revision.set(revision.get() + 1); }

    /** The figures worth writing on the timeline, in a fixed order (durations in seconds; a negative one means not measured and is left out). */
    public static final List<String> SHOWN_FIGURES = List.of("failoverSeconds", "partitionFailoverSeconds", "selfDemoteSeconds",
            "waitPrimarySeconds", "healRejoinSeconds", "switchoverSeconds", "writableInMonitorSeconds",
            "writeDowntimeSeconds", "postgresRestartSeconds", "expectedFailoverSeconds");

    /** The figures of an end marker that the timeline writes, in SHOWN_FIGURES order (others after). */
    public static List<Map.Entry<String, Double>> shownFigures(Marker m) {
        List<Map.Entry<String, Double>> out = new ArrayList<>();
        for (String k : SHOWN_FIGURES) if (m.figures().containsKey(k)) out.add(Map.entry(k, m.figures().get(k)));
        for (Map.Entry<String, Double> e : m.figures().entrySet()) {
            if (!SHOWN_FIGURES.contains(e.getKey()) && e.getKey().endsWith("Seconds")) out.add(e);
        }
        out.removeIf(e -> e.getValue() == null || e.getValue() < 0); // negative: not measured
        return out;
    }
}
