package io.failoverlab.ui.log;

import io.failoverlab.ui.app.RingBufferList;
import io.failoverlab.lab.LogLine;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import javafx.collections.transformation.FilteredList;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * The log viewer's model. Any thread offers lines into a lock-free queue; the FX thread drains
 * it in batches (ConsoleWindow.LOG_TICK) into a bounded ring buffer, so a flood of output costs one
 * list change per tick. The visible list is that buffer filtered by source, levels and text.
 * The queue holds at most as many lines as the ring: in a flood, a line that the newest
 * {@code capacity} lines have already pushed out of the ring's window is let go while queued
 * (counted in {@link #received()}) instead of being held in memory to be shown and dropped.
 */
public final class LogViewModel {
    public static final int DEFAULT_CAPACITY = 200_000;
    /** At most this many lines are taken from the queue per drain, so one tick stays short. */
    static final int MAX_PER_DRAIN = 50_000;

    private final ConcurrentLinkedQueue<LogLine> incoming = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    /** Lines let go while queued, not yet counted in received. */
    private final AtomicLong letGo = new AtomicLong();
    /** Sources seen by offer, so that a source whose lines were all let go still gets its tab. */
    private final Set<String> seenSources = ConcurrentHashMap.newKeySet();
    private final ConcurrentLinkedQueue<String> newSources = new ConcurrentLinkedQueue<>();
    private final int capacity;
    private final RingBufferList<LogLine> lines;
    private final FilteredList<LogLine> visible;
    private final ObservableList<String> sources = FXCollections.observableArrayList();
    /** null = every source (the "All" tab). */
    private final ObjectProperty<String> source = new SimpleObjectProperty<>();
    private final ObservableSet<LogLine.Level> levels = FXCollections.observableSet(EnumSet.allOf(LogLine.Level.class));
    private final StringProperty text = new SimpleStringProperty("");
    private final BooleanProperty followTail = new SimpleBooleanProperty(true);
    private long received;

    public LogViewModel(int capacity, List<String> knownSources) {
        this.capacity = capacity;
        this.lines = new RingBufferList<>(capacity);
        this.visible = new FilteredList<>(lines);
        knownSources.forEach(this::addSource);
        source.addListener((o, a, b) -> refilter());
        text.addListener((o, a, b) -> refilter());
        levels.addListener((javafx.collections.SetChangeListener<LogLine.Level>) c -> refilter());
    }

    /** Thread-safe: called by engine, watcher and operation threads. */
    public void offer(LogLine line) {
        if (line == null) return;
        if (line.source() != null && seenSources.add(line.source())) newSources.offer(line.source());
        incoming.offer(line);
        if (queued.incrementAndGet() > capacity && incoming.poll() != null) {
            queued.decrementAndGet();
            letGo.incrementAndGet();
        }
    }

    /** FX thread: moves what arrived into the buffer; returns how many lines were taken. */
    public int drain() {
        for (String s; (s = newSources.poll()) != null; ) addSource(s);
        received += letGo.getAndSet(0);
        if (incoming.isEmpty()) return 0;
        List<LogLine> batch = new ArrayList<>();
        LogLine l;
        while (batch.size() < MAX_PER_DRAIN && (l = incoming.poll()) != null) batch.add(l);
        queued.addAndGet(-batch.size());
        received += batch.size();
        lines.appendAll(batch);
        return batch.size();
    }

    private void addSource(String s) {
        if (s != null && !sources.contains(s)) sources.add(s);
    }

    private void refilter() {
        visible.setPredicate(predicate());
    }

    Predicate<LogLine> predicate() {
        String src = source.get();
        Set<LogLine.Level> lv = EnumSet.noneOf(LogLine.Level.class);
        lv.addAll(levels);
        String t = text.get() == null ? "" : text.get().strip().toLowerCase(Locale.ROOT);
        boolean allLevels = lv.size() == LogLine.Level.values().length;
        if (src == null && allLevels && t.isEmpty()) return null;
        return l -> (src == null || src.equals(l.source()))
                && (allLevels || lv.contains(l.level()))
                && (t.isEmpty() || l.text().toLowerCase(Locale.ROOT).contains(t));
    }

    public void clear() {
        for (LogLine l; (l = incoming.poll()) != null; ) queued.decrementAndGet();
        lines.clear();
    }

    public ObservableList<LogLine> lines() { return lines; }

    public ObservableList<LogLine> visible() { return visible; }

    public ObservableList<String> sources() { return sources; }

    public ObjectProperty<String> sourceProperty() { return source; }

    public ObservableSet<LogLine.Level> levels() { return levels; }

    public StringProperty textProperty() { return text; }

    public BooleanProperty followTailProperty() { return followTail; }

    /** Lines received since start, including those the ring has let go. */
    public long received() { return received; }

    /** The visible lines as text, one per line (copy and save). */
    public String visibleText(List<LogLine> which) {
        StringBuilder sb = new StringBuilder();
        for (LogLine l : which) sb.append(LogFormat.line(l)).append('\n');
        return sb.toString();
    }
}
