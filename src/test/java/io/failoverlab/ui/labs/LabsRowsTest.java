package io.failoverlab.ui.labs;

import io.failoverlab.ui.app.Messages;
import io.failoverlab.ui.wizard.NewLabForm;
import io.failoverlab.cloud.CloudLab;
import io.failoverlab.cloud.CostEstimate;
import io.failoverlab.cloud.GceInstance;
import io.failoverlab.lab.GceSettings;
import io.failoverlab.lab.LabSpec;
import io.failoverlab.lab.Layout;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Labs window's rows: state, cost cells and the reminder badge, without a window. */
class LabsRowsTest {
    private final Messages en = Messages.of(Locale.ENGLISH);

    static LabSpec gceLab(String name, Layout layout) {
        LabSpec lab = LabSpec.local("/var/lib/postgresql/failover-lab/" + name, 6000, 6001, 6002);
        lab.name = name;
        lab.provider = "gce";
        lab.hosts.clear();
        lab.gce = new GceSettings();
        lab.gce.project = "my-lab-project";
        lab.gce.layout = layout;
        layout.assign(lab);
        return lab;
    }

    static CloudLab cloud(LabSpec lab, int vms, double hoursAgo, double reminderHours, String status) {
        OffsetDateTime created = OffsetDateTime.of(2026, 11, 26, 8, 0, 0, 0, ZoneOffset.UTC);
        Instant now = created.toInstant().plusSeconds((long) (hoursAgo * 3600));
        List<GceInstance> list = new java.util.ArrayList<>();
        for (int i = 0; i < vms; i++) {
            list.add(new GceInstance("vm" + i, "1" + i, "us-central1-a", "e2-medium", status, "127.0.0.1", "10.0.0." + i,
                    Map.of("failover-lab", lab.labId()), created));
        }
        GceSettings s = lab.gce.copy();
        s.reminderHours = reminderHours;
        long running = list.stream().filter(GceInstance::running).count();
        CostEstimate c = CostEstimate.of(s, (int) running);
        return new CloudLab(lab.labId(), "my-lab-project", list, created, c.perHour(), c.totalSince(created, now),
                running > 0 && CostEstimate.reminderDue(created, now, reminderHours));
    }

    @Test
    void localAndHostsLabsHaveNoCost() {
        LabRow local = LabRow.of(LabSpec.localDefault(), null);
        assertEquals("local", local.provider());
        assertEquals("single", local.layout());
        assertEquals("profile only", local.stateText(en));
        assertEquals("—", local.perHourText());
        assertEquals("—", local.totalText());
        assertEquals("", local.reminderText(en));
        assertFalse(local.reminderDue());

        NewLabForm f = new NewLabForm();
        f.name = "mine";
        f.provider = "hosts";
        f.hostPerRole = true;
        LabRow hosts = LabRow.of(f.build(), null);
        assertEquals("per-role", hosts.layout());
        assertEquals("—", hosts.perHourText());
    }

    @Test
    void runningGceLabShowsCostTotalAndReminder() {
        LabSpec lab = gceLab("class-a", Layout.PER_ROLE);
        LabRow r = LabRow.of(lab, cloud(lab, 3, 4, 3, "RUNNING"));
        double perHour = 3 * (0.033503 + 0.10 * 20 / 730 + 0.005);
        assertEquals("RUNNING 3/3", r.stateText(en));
        assertEquals("per-role", r.layout());
        assertEquals(CostEstimate.usd(perHour), r.perHourText());
        assertEquals("$0.1237", r.perHourText());
        assertEquals(CostEstimate.usd(4 * perHour), r.totalText());
        assertTrue(r.reminderDue());
        assertEquals("⚠ over 3 h: delete it when done", r.reminderText(en));
        assertTrue(r.reminderText(Messages.of(Locale.forLanguageTag("ru"))).contains("3 ч"));
    }

    @Test
    void noReminderBeforeTheThresholdOrWhenStopped() {
        LabSpec lab = gceLab("class-b", Layout.SINGLE);
        LabRow young = LabRow.of(lab, cloud(lab, 1, 1.5, 3, "RUNNING"));
        assertFalse(young.reminderDue());
        assertEquals("", young.reminderText(en));
        assertEquals("single", young.layout());
        assertEquals(CostEstimate.usd(0.033503 + 0.10 * 20 / 730 + 0.005), young.perHourText());
        LabRow stopped = LabRow.of(lab, cloud(lab, 1, 10, 3, "TERMINATED"));
        assertFalse(stopped.reminderDue(), "a stopped lab costs only its disks: no reminder");
        assertEquals("STOPPED 0/1", stopped.stateText(en));
    }

    @Test
    void gceLabWithoutVmsOrWithAFailingGcloud() {
        LabSpec lab = gceLab("class-c", Layout.PER_ROLE);
        LabRow none = LabRow.of(lab, null);
        assertEquals("no VMs", none.stateText(en));
        assertEquals("—", none.perHourText());
        LabRow unknown = LabRow.unknown(lab, "You are not logged in to gcloud.");
        assertEquals("unknown (gcloud failed)", unknown.stateText(en));
        assertEquals("?", unknown.perHourText());
        assertEquals("You are not logged in to gcloud.", unknown.cloudState());
    }

    @Test
    void fractionalReminderHours() {
        assertEquals("1.5", LabRow.hours(1.5));
        assertEquals("3", LabRow.hours(3));
    }

    @Test
    void machinesLabSaysWhichMachineRunsInTheWindowsLanguage() throws Exception {
        LabSpec lab = new LabSpec();
        lab.name = "machines-demo";
        lab.provider = "machines";
        lab.machines = new io.failoverlab.lab.MachinesSettings();
        lab.machines.stateDir = java.nio.file.Files.createTempDirectory("labs-rows").toString();
        lab.withDefaults();
        lab.hosts.clear();
        // nothing booted yet: what the provider's state folder says
        java.nio.file.Path config = java.nio.file.Path.of(lab.machines.stateDir, "config");
        LabsContext ctx = new LabsContext(config, null);
        ctx.store().save(lab);
        LabRow none = LabRows.load(ctx).get(0);
        assertEquals(LabRow.State.NOT_CREATED, none.state());
        assertEquals("no machines", none.stateText(en));
        assertEquals("per-role", none.layout());
        assertEquals("—", none.perHourText());

        LabRow some = LabRow.machines(lab, Map.of("node2", "running", "monitor", "running", "node1", "off"));
        assertEquals(LabRow.State.MACHINES, some.state());
        assertEquals("monitor running · node1 off · node2 running", some.stateText(en));
        assertEquals("monitor работает · node1 выключена · node2 работает", some.stateText(Messages.of(Locale.forLanguageTag("ru"))));
    }
}
