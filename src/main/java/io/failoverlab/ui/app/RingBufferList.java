package io.failoverlab.ui.app;

import javafx.collections.ObservableListBase;

import java.util.ArrayList;
import java.util.List;

/**
 * An observable list that keeps only the newest {@code capacity} elements in a circular array:
 * appending a batch costs the batch, not the list. Read-only to its viewers; change it with
 * {@link #appendAll} and {@link #clear()} on the FX thread.
 */
public final class RingBufferList<T> extends ObservableListBase<T> {
    private final Object[] ring;
    private int head;
    private int size;

    public RingBufferList(int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be positive");
        this.ring = new Object[capacity];
    }

    public int capacity() { return ring.length; }

    @Override
    @SuppressWarnings("unchecked")
    public T get(int index) {
        if (index < 0 || index >= size) throw new IndexOutOfBoundsException(index);
        return (T) ring[(head + index) % ring.length];
    }

    @Override
    public int size() { return size; }

    /** Appends the batch; the oldest elements fall out beyond capacity. Fires a remove, then an add. */
    public void appendAll(List<? extends T> batch) {
        int n = batch.size();
        if (n == 0) return;
        int skip = Math.max(0, n - ring.length);   // a batch larger than the ring keeps its tail only
        int add = n - skip;
        int drop = Math.max(0, size + add - ring.length);
        if (drop > 0) {
            List<T> removed = new ArrayList<>(drop);
            for (int i = 0; i < drop; i++) removed.add(get(i));
            for (int i = 0; i < drop; i++) ring[(head + i) % ring.length] = null;
            head = (head + drop) % ring.length;
            size -= drop;
            beginChange();
            nextRemove(0, removed);
            endChange();
        }
        int from = size;
        for (int i = skip; i < n; i++) {
            ring[(head + size) % ring.length] = batch.get(i);
            size++;
        }
        beginChange();
        nextAdd(from, size);
        endChange();
    }

    @Override
    public void clear() {
        if (size == 0) return;
        List<T> removed = new ArrayList<>(this);
        java.util.Arrays.fill(ring, null);
        head = 0;
        size = 0;
        beginChange();
        nextRemove(0, removed);
        endChange();
    }
}
