package io.failoverlab.ui.timeline;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClockTicksTest {
    @Test
    void ticksFallOnRoundSecondsAsDenseAsTheWidthAllows() {
        Instant from = Instant.parse("2026-12-03T13:28:00.400Z");
        Instant to = from.plusSeconds(60);
        // 1000 px for 60 s: 10 s apart is 167 px (5 s would be 83 px, under the 120 px gap)
        List<Instant> t = ClockTicks.between(from, to, 1000, 120);
        assertEquals(Instant.parse("2026-12-03T13:28:10Z"), t.get(0));
        assertEquals(6, t.size());
        for (int i = 1; i < t.size(); i++) assertEquals(10_000, t.get(i).toEpochMilli() - t.get(i - 1).toEpochMilli());
        // a wide screen gets denser ticks, a narrow one sparser, never closer than the gap
        assertEquals(5_000, step(ClockTicks.between(from, to, 1600, 120)));
        assertEquals(30_000, step(ClockTicks.between(from, to, 300, 120)));
        assertTrue(ClockTicks.between(from, from.plusSeconds(86_400), 100, 120).size() <= 24);
    }

    private static long step(List<Instant> t) { return t.get(1).toEpochMilli() - t.get(0).toEpochMilli(); }
}
