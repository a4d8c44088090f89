package io.failoverlab.cloud.machines;

import io.failoverlab.lab.LabException;
import io.failoverlab.lab.LabProfiles;
import io.failoverlab.lab.LabSpec;
import io.failoverlab.lab.LabValidator;
import io.failoverlab.lab.Layout;
import io.failoverlab.testing.MachineLabs;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The machines profile, its defaults and its bad input: one sentence each, before anything is made. */
class MachinesSettingsTest {
    @Test
    void aProfileThatNamesOnlyTheProviderGetsTheOriginalLayoutAndTheReleasesPostgres() throws Exception {
        Path f = Files.createTempFile("machines", ".json");
        try {
            Files.writeString(f, "{\"provider\": \"machines\", \"machines\": {\"debian\": \"12\", \"layout\": \"per-role\"}}");
            LabSpec lab = LabProfiles.load(f);
            assertEquals(6000, lab.monitor.port);
            assertEquals(List.of(6001, 6002), lab.nodes.stream().map(n -> n.port).toList());
            assertEquals("ha-demo", lab.database);
            assertEquals(15, lab.postgresMajor);
            assertEquals(Layout.PER_ROLE, lab.machines.layout);
            assertEquals(List.of("monitor", "node1", "node2"), lab.machines.layout.hostIds(lab));
            assertEquals(List.of(), LabValidator.problems(lab), "an unprovisioned machines lab is valid");
            Files.writeString(f, "{\"provider\": \"machines\", \"machines\": {\"debian\": \"13\"}}");
            assertEquals(17, LabProfiles.load(f).postgresMajor);
            // the settings survive a save (a property named like a getter once swallowed them)
            LabSpec back = LabProfiles.JSON.readValue(LabProfiles.JSON.writeValueAsBytes(LabProfiles.load(f)), LabSpec.class);
            assertEquals("13", back.machines.debian);
        } finally {
            Files.deleteIfExists(f);
        }
    }

    @Test
    void anOtherDebianReleaseIsRefusedWithTheReleasesOnOffer() {
        LabSpec lab = new LabSpec();
        lab.provider = "machines";
        lab.machines = new io.failoverlab.lab.MachinesSettings();
        lab.machines.debian = "11";
        lab.withDefaults();
        LabException e = assertThrows(LabException.class, () -> LabValidator.check(lab));
        assertTrue(e.getMessage().startsWith("Debian 11 is not offered for machines on this computer: use 12 (bookworm"), e.getMessage());
        lab.machines.debian = "13";
        lab.machines.subnet = "192.168.1.0/24";
        assertTrue(LabValidator.problems(lab).get(0).contains("is not a range like 10.232.7.0/24"), LabValidator.problems(lab).toString());
        lab.machines.subnet = null;
        lab.machines.user = "root";
        assertTrue(LabValidator.problems(lab).get(0).contains("other than root"), LabValidator.problems(lab).toString());
    }

    @Test
    @Tag("root") // runs as root or with password-less sudo; -Punit leaves it out
    void aRangeAlreadyRoutedHereIsRefusedNamingTheRoute() throws Exception {
        int seed = new java.util.Random().nextInt(10_000);
        String free = LabNetwork.chooseSubnet(null, seed);
        assertTrue(free.matches("10\\.2[0-3][0-9]\\.\\d+"), free);
        String link = "flmt" + Integer.toHexString(0x1000 + new java.util.Random().nextInt(0xefff));
        // a bridge of this test's own, holding that range: now it is in use
        MachineLabs.sh("ip", "link", "add", link, "type", "bridge");
        try {
            MachineLabs.sh("ip", "addr", "add", free + ".1/24", "dev", link);
            MachineLabs.sh("ip", "link", "set", link, "up");
            LabException e = assertThrows(LabException.class, () -> LabNetwork.chooseSubnet(free + ".0/24", 0));
            assertTrue(e.getMessage().startsWith("The address range " + free + ".0/24 is already in use on this computer (route: "), e.getMessage());
            assertTrue(e.getMessage().contains(link) && e.getMessage().endsWith("set machines.subnet in the lab profile to a free range like 10.232.7.0/24."),
                    e.getMessage());
            assertTrue(!LabNetwork.chooseSubnet(null, seed).equals(free), "the same seed chose the range now in use");
        } finally {
            MachineLabs.sh("ip", "link", "del", link);
        }
    }

    @Test
    void theFirewallAdmitsOnlySshFromThisComputerAndTheLabsOwnRange() {
        String fw = MachineDisk.firewall("10.232.7.1", "10.232.7.0/24");
        assertTrue(fw.contains("policy drop;"), fw);
        assertTrue(fw.contains("tcp dport 22 accept"), fw);
        int reject = fw.indexOf("ip saddr 10.232.7.1 meta l4proto 6 reject");
        int lab = fw.indexOf("ip saddr 10.232.7.0/24 accept");
        assertTrue(reject > 0 && lab > reject, "this computer must be turned away before the lab's range is admitted:\n" + fw);
    }

    @Test
    void missingToolsAreNamedByTheirDebianPackages() {
        // on the test machine everything is installed (prepare-test-host.sh); the sentence names what is missing
        assertEquals(List.of(), Preflight.missingPackages());
    }
}
