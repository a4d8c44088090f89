package io.failoverlab.ui.timeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the timeline's clock labels go: on round seconds (every 1, 2, 5, 10, 15, 20, 30 s, 1, 2, 5,
 * 10 min), as dense as the width allows, so the axis reads 13:28:00, 13:28:10, … rather than
 * the uneven times an equal split of the span gives.
 */
final class ClockTicks {
    private static final long[] STEPS_S = {1, 2, 5, 10, 15, 20, 30, 60, 120, 300, 600, 900, 1800, 3600};

    private ClockTicks() { }

    /** The ticks within [from, to] drawn on widthPx pixels, at least minGapPx apart. */
    static List<Instant> between(Instant from, Instant to, double widthPx, double minGapPx) {
        long span = Math.max(1, to.toEpochMilli() - from.toEpochMilli());
        long step = STEPS_S[STEPS_S.length - 1] * 1000;
        for (long s : STEPS_S) {
            if (widthPx * s * 1000 / span >= minGapPx) {
                step = s * 1000;
                break;
            }
        }
        List<Instant> out = new ArrayList<>();
        long first = Math.floorDiv(from.toEpochMilli() + step - 1, step) * step;
        for (long t = first; t <= to.toEpochMilli(); t += step) out.add(Instant.ofEpochMilli(t));
        return out;
    }
}
