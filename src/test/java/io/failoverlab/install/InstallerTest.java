package io.failoverlab.install;

import io.failoverlab.lab.LabSpec;
import io.failoverlab.lab.PackageSource;
import io.failoverlab.pgaf.PgafVersion;
import io.failoverlab.remote.LocalShell;
import io.failoverlab.testing.ClusterTest;
import io.failoverlab.testing.PgAutoFailoverInstalled;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The app's own installer with the distro source on this Debian 12 machine. Its first run is the
 * one PgAutoFailoverInstalled made before the first cluster test class (this one or another): on
 * a fresh machine that is what installs pg_auto_failover; the test set-up script does not.
 */
@ClusterTest
class InstallerTest {
    @Test
    void installsOrDetectsPgAutoFailoverFromTheDistroSource() throws Exception {
        LabSpec lab = LabSpec.localDefault();
        lab.packageSource = PackageSource.DISTRO;
        PgAutoFailoverInstalled.FirstRun first = PgAutoFailoverInstalled.ensure();
        List<String> output = first.output();
        List<Double> progress = first.progress();
        Installer installer = new Installer();
        Installation in = first.installation();
        assertNotNull(in.version());
        assertTrue(in.version().compareTo(new PgafVersion(2, 0)) >= 0, in.toString());
        assertEquals("/usr/lib/postgresql/15/bin/pg_ctl", in.pgctl());
        assertTrue(in.postgresVersion().startsWith("15."), in.toString());
        if (in.installedNow()) {
            assertTrue(progress.stream().anyMatch(f -> f > 0 && f <= 1), "apt progress was reported");
        }
        System.out.println("BENCH installer: pg_auto_failover " + in.version() + ", PostgreSQL " + in.postgresVersion()
                + (in.installedNow() ? " installed now (" + output.size() + " output lines)" : " already installed"));
        // idempotent: a second run finds everything and installs nothing
        Installation again = installer.ensure(new LocalShell(), lab, (s, l) -> { }, f -> { });
        assertTrue(!again.installedNow());
        if (in.installedNow()) {
            // the installer kept the packages from creating a stray `main` cluster
            assertTrue(new LocalShell().run(io.failoverlab.remote.Command.asRoot(
                    "grep -q '^create_main_cluster = false' /etc/postgresql-common/createcluster.conf")).ok());
        }
    }
}
