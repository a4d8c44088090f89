package io.failoverlab.cloud;

import org.junit.jupiter.api.Tag;
import io.failoverlab.lab.LabException;
import io.failoverlab.lab.LabSpec;
import io.failoverlab.lab.Layout;
import io.failoverlab.testing.ApiError;
import io.failoverlab.testing.GceFixture;
import io.failoverlab.testing.RealGcloud;
import io.failoverlab.testing.TestLabs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each gcloud failure becomes one sentence saying what to do. With the Google Cloud CLI installed
 * the local Compute API answers with the real API's error bodies and the real gcloud prints its
 * own message; without it the stand-in prints gcloud's text (gce.md 1.7). Nothing may be created
 * on a failed check.
 */
@Tag("cluster")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GceErrorsTest {
    Path root;
    GceFixture fx;

    @BeforeAll
    void setUp() throws Exception {
        root = TestLabs.tempRoot("gce-errors-");
        fx = GceFixture.start(root, 0.02, 0.05);
    }

    @AfterEach
    void clear() throws Exception {
        if (fx.real()) fx.api().clearFailures();
        else fx.standIn().clearFailures();
    }

    @AfterAll
    void tearDown() {
        System.out.println(fx == null ? "BENCH gce: no fixture" : fx.bench());
        if (fx != null) fx.close();
        TestLabs.deleteTree(root);
    }

    GceProvider provider(String gcloud) {
        return new GceProvider(new Gcloud(gcloud, Duration.ofSeconds(120)), root.resolve("keys"), root.resolve("kh"), null, null, null);
    }

    /** The stand-in's error case for command, or (real) the API's error for every call of op until cleared. */
    String provisionFails(String command, String errorCase, String op, ApiError.Kind kind) throws Exception {
        if (fx.real()) {
            fx.api().fail(op, kind);
        } else {
            fx.standIn().failNext(command, errorCase);
        }
        return provisionFails(fx.lab("err-" + errorCase, Layout.PER_ROLE, root), fx.gcloudPath());
    }

    String provisionFails(LabSpec lab, String gcloud) throws Exception {
        String msg = assertThrows(LabException.class, () -> provider(gcloud).provision(lab, Progress.NONE)).getMessage();
        assertEquals(1, msg.lines().count(), msg);
        assertFalse(msg.contains("ERROR:") || msg.contains("gcloud.compute"), msg);
        assertTrue(fx.instances().stream().noneMatch(n -> n.startsWith("err-")), "nothing created: " + fx.instances());
        return msg;
    }

    @Test
    void notLoggedIn() throws Exception {
        String want = "gcloud is not logged in (or its login has expired): run `gcloud auth login` in a terminal, then try again.";
        if (fx.real()) {
            // an empty config, as right after installing the CLI: gcloud's own "no active account" message
            RealGcloud fresh = RealGcloud.install(root.resolve("gcloud-fresh"), fx.api(), false);
            assertEquals(want, provisionFails(fx.lab("err-fresh", Layout.PER_ROLE, root), fresh.path()));
            assertEquals(0, fresh.calls().stream().filter(c -> c.exitCode() == 0).count());
        } else {
            assertEquals(want, provisionFails("machine-types-describe", "not-logged-in", null, null));
        }
    }

    @Test
    void invalidCredentials() throws Exception {
        String want = "gcloud is not logged in (or its login has expired): run `gcloud auth login` in a terminal, then try again.";
        if (fx.real()) {
            // a token the API does not accept: every call answers 401 with the real body
            RealGcloud expired = RealGcloud.install(root.resolve("gcloud-expired"), fx.api(), true);
            java.nio.file.Files.writeString(root.resolve("gcloud-expired/token"), "ya29.expired\n");
            int before = fx.api().requests("unauthenticated").size();
            assertEquals(want, provisionFails(fx.lab("err-expired", Layout.PER_ROLE, root), expired.path()));
            assertTrue(fx.api().requests("unauthenticated").size() > before, fx.api().summary());
        } else {
            assertEquals(want, GcloudErrors.sentence("compute machine-types describe", INVALID_CREDENTIALS_TEXT, 1));
        }
    }

    /** What gcloud 528 printed for the API's 401 body (recorded here against the local Compute API). */
    static final String INVALID_CREDENTIALS_TEXT = "ERROR: (gcloud.compute.machine-types.describe) There was a problem refreshing your "
            + "current auth tokens: Request had invalid authentication credentials.\n";

    @Test
    void projectUnset() throws Exception {
        String want = "No Google Cloud project is set: put the project id into the lab profile (gce.project) or run "
                + "`gcloud config set project PROJECT_ID`.";
        if (fx.real()) {
            // gcloud's own message when a command names no project and none is configured
            LabException e = assertThrows(LabException.class, () -> new Gcloud(fx.gcloudPath(), Duration.ofSeconds(120))
                    .json(List.of("compute", "instances", "list")));
            assertEquals(want, e.getMessage());
        } else {
            assertEquals(want, provisionFails("machine-types-describe", "project-unset", null, null));
        }
        // and when the profile names none and gcloud has none configured (config get-value prints nothing, exit 0)
        LabSpec lab = fx.lab("no-project", Layout.SINGLE, root);
        lab.gce.project = null;
        String m = assertThrows(LabException.class, () -> provider(fx.gcloudPath()).provision(lab, Progress.NONE)).getMessage();
        assertTrue(m.startsWith("No Google Cloud project is set"), m);
    }

    @Test
    void apiDisabled() throws Exception {
        assertEquals("The Compute Engine API is not enabled in project 123456789012: run `gcloud services enable compute.googleapis.com`"
                + " for it (or enable it in the Cloud Console), wait a few minutes, then try again.",
                provisionFails("machine-types-describe", "api-disabled", "machineTypes.get", ApiError.Kind.SERVICE_DISABLED));
    }

    @Test
    void quota() throws Exception {
        String m = provisionFails("instances-create", "quota", "instances.insert", ApiError.Kind.QUOTA_EXCEEDED);
        assertEquals("The project's CPUS quota (limit 8 in us-central1) is used up: delete other VMs, choose a smaller machine type or "
                + "the single-VM layout, or request more quota at https://cloud.google.com/compute/quotas.", m);
    }

    @Test
    void zoneExhausted() throws Exception {
        assertEquals("Zone us-central1-a has no capacity for these VMs right now: choose another zone in the lab profile (gce.zone) "
                + "or try again later.", provisionFails("instances-create", "zone-exhausted", "instances.insert",
                ApiError.Kind.ZONE_RESOURCE_POOL_EXHAUSTED));
    }

    @Test
    void alreadyExists() throws Exception {
        String m = provisionFails("instances-create", "already-exists", "instances.insert", ApiError.Kind.ALREADY_EXISTS);
        assertTrue(m.startsWith("A resource named err-already-exists-monitor already exists in the project"), m);
        assertTrue(m.endsWith("delete the old lab with `down --destroy` or `labs delete`, or give this lab another name."), m);
    }

    @Test
    void permissionDenied() throws Exception {
        assertEquals("Your Google account lacks permission compute.instances.create: ask the project's owner for the Compute Instance "
                + "Admin (v1) and Compute Security Admin roles, or use a project of your own.",
                provisionFails("instances-create", "permission-denied", "instances.insert", ApiError.Kind.PERMISSION_DENIED));
    }

    @Test
    void gcloudMissingIsOneSentence() {
        LabSpec lab = fx.lab("no-gcloud", Layout.SINGLE, root);
        String m = assertThrows(LabException.class, () -> provider(root.resolve("nowhere/gcloud").toString()).provision(lab, Progress.NONE))
                .getMessage();
        assertTrue(m.startsWith("Cannot start gcloud (") && m.endsWith("install the Google Cloud SDK or set gce.gcloud to its full path."), m);
        assertEquals(1, m.lines().count());
    }

    @Test
    void unknownZoneAndRetiredImageFamilyAreCaughtBeforeCreation() throws Exception {
        String zoneText = "ERROR: (gcloud.compute.machine-types.describe) Could not fetch resource:\n"
                + " - The resource 'projects/my-lab-project/zones/mars-north1-a' was not found\n";
        String familyText = "ERROR: (gcloud.compute.images.describe-from-family) Could not fetch resource:\n"
                + " - The resource 'projects/ubuntu-os-cloud/global/images/family/ubuntu-2204-lts' was not found\n";
        String zone = "Zone mars-north1-a does not exist, or this project cannot use it: pick one from `gcloud compute zones list` and set gce.zone.";
        String family = "Image family ubuntu-2204-lts no longer exists in project ubuntu-os-cloud: set gce.image to another family "
                + "(debian-12, ubuntu-2404-lts-amd64 or ubuntu-2204-lts).";
        if (fx.real()) {
            LabSpec z = fx.lab("bad-zone", Layout.SINGLE, root);
            z.gce.zone = "mars-north1-a";
            assertEquals(zone, provisionFailsNamed(z));
            fx.api().retireImageFamily("ubuntu-2204-lts");
            LabSpec f = fx.lab("bad-family", Layout.SINGLE, root);
            f.gce.image = "ubuntu-2204-lts";
            assertEquals(family, provisionFailsNamed(f));
        } else {
            assertEquals(zone, GcloudErrors.sentence("compute machine-types describe", zoneText, 1));
            assertEquals(family, GcloudErrors.sentence("compute images describe-from-family", familyText, 1));
        }
    }

    private String provisionFailsNamed(LabSpec lab) throws Exception {
        String m = assertThrows(LabException.class, () -> provider(fx.gcloudPath()).provision(lab, Progress.NONE)).getMessage();
        assertTrue(fx.instances().stream().noneMatch(n -> n.startsWith(lab.labId())), fx.instances().toString());
        return m;
    }

    @Test
    void aNodeNameGceRefusesIsOneSentenceBeforeAnyCall() throws Exception {
        LabSpec lab = fx.lab("names", Layout.PER_ROLE, root);
        lab.nodes.get(1).name = "Node_2";
        int calls = fx.calls().size();
        String m = assertThrows(LabException.class, () -> provider(fx.gcloudPath()).provision(lab, Progress.NONE)).getMessage();
        assertEquals("'Node_2' makes the VM name 'names-Node_2', which GCE refuses: names are lowercase letters, digits and '-', start with "
                + "a letter and have at most 63 characters; rename it in the lab profile.", m);
        assertEquals(calls, fx.calls().size(), "no gcloud call was made");
        String apiText = "ERROR: (gcloud.compute.instances.create) Could not fetch resource:\n - Invalid value for field 'resource.name': "
                + "'names-Node_2'. Must be a match of regex '(?:[a-z](?:[-a-z0-9]{0,61}[a-z0-9])?|[1-9][0-9]{0,19})'\n";
        if (fx.real()) {
            // the API itself refuses it too, and gcloud passes its words on
            LabException e = assertThrows(LabException.class, () -> new Gcloud(fx.gcloudPath(), Duration.ofSeconds(120)).json(List.of(
                    "compute", "instances", "create", "names-Node_2", "--project=my-lab-project", "--zone=us-central1-a")));
            assertTrue(e.getMessage().startsWith("GCE refuses the name 'names-Node_2'"), e.getMessage());
        }
        assertTrue(GcloudErrors.sentence("compute instances create", apiText, 1).startsWith("GCE refuses the name 'names-Node_2'"));
    }

    @Test
    void unknownMachineTypeIsCaughtBeforeCreation() throws Exception {
        LabSpec lab = fx.lab("bad-type", Layout.SINGLE, root);
        lab.gce.machineType = "e2-giant-99";
        GceProvider p = provider(fx.gcloudPath());
        String m = assertThrows(LabException.class, () -> p.provision(lab, Progress.NONE)).getMessage();
        assertEquals("Machine type e2-giant-99 does not exist in zone us-central1-a: pick one from "
                + "`gcloud compute machine-types list --zones=us-central1-a` and set gce.machineType.", m);
        assertTrue(fx.instances().isEmpty());
    }

    @Test
    void settingsAreCheckedBeforeAnyGcloudCall() throws Exception {
        LabSpec lab = fx.lab("eol", Layout.SINGLE, root);
        lab.gce.image = "ubuntu-1804-lts";
        lab.gce.zone = "nowhere";
        int calls = fx.calls().size();
        GceProvider p = provider(fx.gcloudPath());
        String m = assertThrows(LabException.class, () -> p.provision(lab, Progress.NONE)).getMessage();
        assertTrue(m.contains("zone 'nowhere'") && m.contains("Image 'ubuntu-1804-lts' is not offered"), m);
        assertEquals(calls, fx.calls().size(), "no gcloud call was made");
    }

    @Test
    void rawTextsMapWithoutTheStandIn() {
        assertTrue(GcloudErrors.sentence("compute instances create", "ERROR: (gcloud.compute.instances.create) Could not fetch resource:\n"
                + " - Quota 'IN_USE_ADDRESSES' exceeded.  Limit: 4.0 in region us-central1.\n", 1).contains("external addresses"));
        assertEquals("gcloud compute instances list failed (exit 2): something odd happened.",
                GcloudErrors.sentence("compute instances list", "ERROR: (gcloud.compute.instances.list) something odd happened\n", 2));
    }
}
