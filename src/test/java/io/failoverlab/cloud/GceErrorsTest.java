package io.failoverlab.cloud;

import org.junit.jupiter.api.Tag;
import io.failoverlab.lab.LabException;
import io.failoverlab.lab.LabSpec;
import io.failoverlab.lab.Layout;
import io.failoverlab.testing.GceLabs;
import io.failoverlab.testing.Sshd;
import io.failoverlab.testing.StandInGcloud;
import io.failoverlab.testing.TestLabs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each gcloud failure becomes one sentence saying what to do. The stand-in answers with
 * gcloud's real error text (gce.md 1.7) and exit code 1; nothing may be created on a failed check.
 */
@Tag("cluster")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GceErrorsTest {
    Sshd sshd;
    Path root;
    StandInGcloud gcloud;

    @BeforeAll
    void setUp() throws Exception {
        sshd = Sshd.start();
        root = TestLabs.tempRoot("gce-errors-");
        gcloud = StandInGcloud.install(root.resolve("gcloud"), sshd, 0.02, 0.05);
    }

    @AfterEach
    void clear() throws Exception { gcloud.clearFailures(); }

    @AfterAll
    void tearDown() {
        sshd.close();
        TestLabs.deleteTree(root);
    }

    String provisionFails(String command, String errorCase) throws Exception {
        gcloud.failNext(command, errorCase);
        LabSpec lab = GceLabs.lab("err-" + errorCase, Layout.PER_ROLE, sshd, root);
        GceProvider p = new GceProvider(new Gcloud(gcloud.path(), Duration.ofSeconds(30)), root.resolve("keys"), root.resolve("kh"),
                null, null, null);
        String msg = assertThrows(LabException.class, () -> p.provision(lab, Progress.NONE)).getMessage();
        assertEquals(1, msg.lines().count(), msg);
        assertFalse(msg.contains("ERROR:") || msg.contains("gcloud.compute"), msg);
        assertTrue(gcloud.instances().stream().noneMatch(n -> n.startsWith("err-")), "nothing created: " + gcloud.instances());
        return msg;
    }

    @Test
    void notLoggedIn() throws Exception {
        assertEquals("gcloud is not logged in (or its login has expired): run `gcloud auth login` in a terminal, then try again.",
                provisionFails("machine-types-describe", "not-logged-in"));
    }

    @Test
    void projectUnset() throws Exception {
        assertEquals("No Google Cloud project is set: put the project id into the lab profile (gce.project) or run "
                + "`gcloud config set project PROJECT_ID`.", provisionFails("machine-types-describe", "project-unset"));
        // and when the profile names none and gcloud has none configured (config get-value prints nothing, exit 0)
        LabSpec lab = GceLabs.lab("no-project", Layout.SINGLE, sshd, root);
        lab.gce.project = null;
        GceProvider p = new GceProvider(new Gcloud(gcloud.path(), Duration.ofSeconds(30)), root.resolve("keys"), root.resolve("kh"),
                null, null, null);
        String m = assertThrows(LabException.class, () -> p.provision(lab, Progress.NONE)).getMessage();
        assertTrue(m.startsWith("No Google Cloud project is set"), m);
    }

    @Test
    void apiDisabled() throws Exception {
        assertEquals("The Compute Engine API is not enabled in project 123456789012: run `gcloud services enable compute.googleapis.com`"
                + " for it (or enable it in the Cloud Console), wait a few minutes, then try again.",
                provisionFails("machine-types-describe", "api-disabled"));
    }

    @Test
    void quota() throws Exception {
        String m = provisionFails("instances-create", "quota");
        assertEquals("The project's CPUS quota (limit 8 in us-central1) is used up: delete other VMs, choose a smaller machine type or "
                + "the single-VM layout, or request more quota at https://cloud.google.com/compute/quotas.", m);
    }

    @Test
    void zoneExhausted() throws Exception {
        assertEquals("Zone us-central1-a has no capacity for these VMs right now: choose another zone in the lab profile (gce.zone) "
                + "or try again later.", provisionFails("instances-create", "zone-exhausted"));
    }

    @Test
    void alreadyExists() throws Exception {
        String m = provisionFails("instances-create", "already-exists");
        assertTrue(m.startsWith("A resource named err-already-exists-monitor already exists in the project"), m);
        assertTrue(m.endsWith("delete the old lab with `down --destroy` or `labs delete`, or give this lab another name."), m);
    }

    @Test
    void permissionDenied() throws Exception {
        assertEquals("Your Google account lacks permission compute.instances.create: ask the project's owner for the Compute Instance "
                + "Admin (v1) and Compute Security Admin roles, or use a project of your own.",
                provisionFails("instances-create", "permission-denied"));
    }

    @Test
    void unknownMachineTypeIsCaughtBeforeCreation() throws Exception {
        LabSpec lab = GceLabs.lab("bad-type", Layout.SINGLE, sshd, root);
        lab.gce.machineType = "e2-giant-99";
        GceProvider p = new GceProvider(new Gcloud(gcloud.path(), Duration.ofSeconds(30)), root.resolve("keys"), root.resolve("kh"),
                null, null, null);
        String m = assertThrows(LabException.class, () -> p.provision(lab, Progress.NONE)).getMessage();
        assertEquals("Machine type e2-giant-99 does not exist in zone us-central1-a: pick one from "
                + "`gcloud compute machine-types list --zones=us-central1-a` and set gce.machineType.", m);
        assertTrue(gcloud.instances().isEmpty());
    }

    @Test
    void settingsAreCheckedBeforeAnyGcloudCall() throws Exception {
        LabSpec lab = GceLabs.lab("eol", Layout.SINGLE, sshd, root);
        lab.gce.image = "ubuntu-1804-lts";
        lab.gce.zone = "nowhere";
        int calls = gcloud.calls().size();
        GceProvider p = new GceProvider(new Gcloud(gcloud.path(), Duration.ofSeconds(30)), root.resolve("keys"), root.resolve("kh"),
                null, null, null);
        String m = assertThrows(LabException.class, () -> p.provision(lab, Progress.NONE)).getMessage();
        assertTrue(m.contains("zone 'nowhere'") && m.contains("Image 'ubuntu-1804-lts' is not offered"), m);
        assertEquals(calls, gcloud.calls().size(), "no gcloud call was made");
    }

    @Test
    void rawTextsMapWithoutTheStandIn() {
        assertTrue(GcloudErrors.sentence("compute instances create", "ERROR: (gcloud.compute.instances.create) Could not fetch resource:\n"
                + " - Quota 'IN_USE_ADDRESSES' exceeded.  Limit: 4.0 in region us-central1.\n", 1).contains("external addresses"));
        assertEquals("gcloud compute instances list failed (exit 2): something odd happened.",
                GcloudErrors.sentence("compute instances list", "ERROR: (gcloud.compute.instances.list) something odd happened\n", 2));
    }
}
