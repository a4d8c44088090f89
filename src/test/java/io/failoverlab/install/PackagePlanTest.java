package io.failoverlab.install;

import io.failoverlab.lab.PackagePlan;
import io.failoverlab.lab.PackageSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PackagePlanTest {
    @Test
    void theDistroScriptInstallsExactlyTheListThePackageImageIsStampedWith() {
        assertEquals(List.of("postgresql-17-auto-failover", "pg-auto-failover-cli"), PackagePlan.packages(17));
        assertTrue(PackagePlan.script(PackageSource.DISTRO, 17)
                .contains("install --no-install-recommends " + String.join(" ", PackagePlan.packages(17)) + "\n"));
    }

    @Test
    void distroInstallsTheDebianPackagesWithoutAStrayCluster() {
        String s = PackagePlan.script(PackageSource.DISTRO, 15);
        assertTrue(s.contains("create_main_cluster = false"));
        assertTrue(s.contains("install --no-install-recommends postgresql-15-auto-failover pg-auto-failover-cli"));
        assertTrue(s.contains("DPkg::Lock::Timeout="), "waits for the dpkg lock");
    }

    @Test
    void pgdgAddsTheRepositoryAndCitusRunsItsScript() {
        assertTrue(PackagePlan.script(PackageSource.PGDG, 17).contains("apt.postgresql.org.sh -y"));
        String citus = PackagePlan.script(PackageSource.CITUS, 12);
        assertTrue(citus.contains("install.citusdata.com/community/deb.sh"));
        assertTrue(citus.contains("postgresql-12-auto-failover"));
    }

    @Test
    void aptStatusLinesBecomeOneProgressBar() {
        assertEquals(0.25, AptProgress.fraction("dlstatus:1:50.0:Retrieving file 1 of 2").getAsDouble(), 1e-9);
        assertEquals(0.75, AptProgress.fraction("pmstatus:postgresql-15:50:Installing postgresql-15").getAsDouble(), 1e-9);
        assertTrue(AptProgress.fraction("Setting up foo").isEmpty());
        assertEquals("Installing postgresql-15", AptProgress.text("pmstatus:postgresql-15:50:Installing postgresql-15"));
    }

    @Test
    void probeOutputIsRead() {
        assertEquals("/usr/lib/postgresql/15/bin/pg_ctl", Installer.value("pgaf=pg_autoctl version 2.0\npgctl=/usr/lib/postgresql/15/bin/pg_ctl\n", "pgctl="));
        assertEquals("", Installer.value("pgaf=\n", "pgctl="));
    }
}
