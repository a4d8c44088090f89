package io.failoverlab.pgaf;

import io.failoverlab.lab.LabException;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimingProfileTest {
    @Test
    void recognisesProfilesFromTheMonitorsSettings() {
        assertEquals("fast", TimingProfile.recognise(TimingProfile.FAST.monitorSettings()));
        assertEquals("default", TimingProfile.recognise(TimingProfile.DEFAULT.monitorSettings()));
        Map<String, String> custom = new HashMap<>(TimingProfile.DEFAULT.monitorSettings());
        custom.put("pgautofailover.primary_demote_timeout", "12345");
        assertEquals("custom", TimingProfile.recognise(custom));
        assertThrows(LabException.class, () -> TimingProfile.named("turbo"));
    }

    @Test
    void expectedFailoverFollowsTheTimeouts() {
        assertEquals(51.0, TimingProfile.expectedFailoverSeconds(TimingProfile.DEFAULT.monitorSettings()), 1e-9);
        assertTrue(TimingProfile.expectedFailoverSeconds(TimingProfile.FAST.monitorSettings()) < 8);
    }

    @Test
    void partitionTimeoutStaysBelowDemoteTimeout() {
        for (TimingProfile p : new TimingProfile[]{TimingProfile.FAST, TimingProfile.DEFAULT}) {
            int demoteMs = Integer.parseInt(p.monitorSettings().get("pgautofailover.primary_demote_timeout"));
            assertTrue(p.networkPartitionTimeoutSeconds() * 1000 < demoteMs, p.name());
        }
    }
}
