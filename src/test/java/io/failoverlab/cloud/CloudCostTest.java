package io.failoverlab.cloud;

import io.failoverlab.lab.GceSettings;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The price table reproduces gce.md's figures; per hour, running total and reminder. */
class CloudCostTest {
    @Test
    void tableMatchesTheQuotedPrices() {
        assertEquals(0.0168, PriceTable.machineHour("e2-small"), 0.0001);
        assertEquals(0.0335, PriceTable.machineHour("e2-medium"), 0.0001);
        assertEquals(0.0670, PriceTable.machineHour("e2-standard-2"), 0.0001);
        assertTrue(Double.isNaN(PriceTable.machineHour("n2-highmem-128")));
        assertEquals(0.10 * 20 / 730, PriceTable.diskHour("pd-balanced", 20), 1e-9);
    }

    @Test
    void threeMediumVmsCostAboutTwelveCentsAnHour() {
        GceSettings s = new GceSettings(); // e2-medium, 20 GB pd-balanced, us-central1
        CostEstimate c = CostEstimate.of(s, 3);
        // gce.md: 3 x e2-medium + 3 x 20 GB pd-balanced + 3 IPs ≈ $0.12/h
        assertEquals(3 * (0.033503 + 2.0 / 730 + 0.005), c.perHour(), 1e-6);
        assertEquals(0.12, c.perHour(), 0.005);
        assertTrue(c.note().contains(PriceTable.DATE) && c.note().contains("us-central1"), c.note());
        assertEquals(c.perHour() / 3, CostEstimate.of(s, 1).perHour(), 1e-9, "one VM with three instances costs a third");
    }

    @Test
    void runningTotalAndReminder() {
        CostEstimate c = CostEstimate.of(new GceSettings(), 3);
        OffsetDateTime created = OffsetDateTime.of(2026, 11, 26, 8, 0, 0, 0, ZoneOffset.ofHours(-8));
        Instant now = created.toInstant().plusSeconds(2 * 3600 + 1800);
        assertEquals(2.5 * c.perHour(), c.totalSince(created, now), 1e-9);
        assertFalse(CostEstimate.reminderDue(created, now, 3));
        assertTrue(CostEstimate.reminderDue(created, now.plusSeconds(3600), 3));
        assertFalse(CostEstimate.reminderDue(created, now, 0), "0 = no reminder");
    }

    @Test
    void unknownRegionOrTypeIsSaid() {
        GceSettings s = new GceSettings();
        s.zone = "europe-west1-b";
        assertTrue(CostEstimate.of(s, 1).note().contains("no table for europe-west1"), CostEstimate.of(s, 1).note());
        s.machineType = "n2-standard-2";
        assertFalse(CostEstimate.of(s, 1).known());
        assertEquals("?", CostEstimate.usd(CostEstimate.of(s, 1).perHour()));
    }

    @Test
    void labSummaryCountsOnlyRunningVms() {
        OffsetDateTime t = OffsetDateTime.now().minusHours(4);
        GceInstance up = new GceInstance("l-monitor", "1", "us-central1-a", "e2-medium", "RUNNING", "1.2.3.4", "10.0.0.2", Map.of("failover-lab", "l"), t);
        GceInstance down = new GceInstance("l-node1", "2", "us-central1-a", "e2-medium", "TERMINATED", null, "10.0.0.3", Map.of("failover-lab", "l"), t);
        CloudLab lab = GceProvider.summarize("l", "p", List.of(up, down), null, Instant.now());
        assertEquals("PARTIAL 1/2", lab.state());
        assertEquals(CostEstimate.of(new GceSettings(), 1).perHour(), lab.perHour(), 1e-9);
        assertTrue(lab.reminderDue(), "running for 4 h, default reminder at 3 h");
    }
}
