package io.failoverlab.lab;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LabStoreTest {
    static LabSpec gceLab(String name) {
        LabSpec lab = LabSpec.localDefault();
        lab.name = name;
        lab.provider = "gce";
        lab.hosts.clear();
        lab.gce = new GceSettings();
        lab.gce.project = "my-lab-project";
        return lab;
    }

    @Test
    void listOpenSaveDuplicateDelete() throws Exception {
        Path config = Files.createTempDirectory("labstore");
        LabStore store = LabStore.inConfigDir(config);
        assertEquals(0, store.list().size());
        LabSpec a = gceLab("Class A");
        a.hosts.add(HostSpec.ssh("monitor", "34.1.2.3", 22, "student", "/keys/class-a_ed25519"));
        Path f = store.save(a);
        assertEquals(config.resolve("labs/class-a.json"), f);
        store.save(LabSpec.localDefault());
        assertEquals(2, store.list().size());
        assertEquals("Class A", store.open("Class A").name);
        assertEquals(Layout.PER_ROLE, store.open("Class A").gce.layout);

        LabSpec copy = store.duplicate("Class A", "Class B");
        assertTrue(copy.hosts.isEmpty(), "the copy gets VMs of its own");
        assertEquals("my-lab-project", store.open("Class B").gce.project);
        assertThrows(LabException.class, () -> store.duplicate("Class A", "Class B"));

        store.delete("Class A");
        assertFalse(store.exists("Class A"));
        assertThrows(LabException.class, () -> store.open("Class A"));
        try (var files = Files.list(config.resolve("labs"))) {
            assertTrue(files.allMatch(p -> p.toString().endsWith(".json")), "no temp files are left behind");
        }
    }

    @Test
    void aPrivateKeyInClearTextIsRefused() throws Exception {
        LabStore store = LabStore.inConfigDir(Files.createTempDirectory("labstore"));
        LabSpec lab = gceLab("leaky");
        lab.hosts.add(HostSpec.ssh("vm", "1.2.3.4", 22, "u", "-----BEGIN OPENSSH PRIVATE KEY-----\nb3Blbn..."));
        LabException e = assertThrows(LabException.class, () -> store.save(lab));
        assertTrue(e.getMessage().contains("private key in clear text"), e.getMessage());
        assertFalse(store.exists("leaky"));
    }

    @Test
    void oldProfilesWithoutProviderSettingsStillLoad() throws Exception {
        Path f = Files.createTempFile("old-lab", ".json");
        Files.writeString(f, "{\"name\":\"old\",\"hosts\":[{\"id\":\"local\",\"local\":true}],"
                + "\"monitor\":{\"name\":\"monitor\",\"port\":6000},\"nodes\":[{\"name\":\"node1\",\"port\":6001}],\"futureField\":1}");
        LabSpec lab = LabProfiles.load(f);
        assertEquals("local", lab.provider);
        assertNull(lab.gce);
        assertTrue(LabValidator.problems(lab).isEmpty(), LabValidator.problems(lab).toString());
        LabProfiles.save(lab, f);
        assertFalse(Files.readString(f).contains("\"gce\""), "no gce object for a local lab");
    }

    @Test
    void unprovisionedGceLabValidatesItsSettings() {
        LabSpec lab = gceLab("ok");
        assertTrue(LabValidator.problems(lab).isEmpty(), LabValidator.problems(lab).toString());
        lab.gce.image = "ubuntu-1804-lts";
        assertTrue(LabValidator.problems(lab).stream().anyMatch(p -> p.contains("debian-12")));
        assertEquals("class-a-1", gceLab("Class A 1").labId());
        assertEquals("lab-42", gceLab("42").labId());
    }
}
