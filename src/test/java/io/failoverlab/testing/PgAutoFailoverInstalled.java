package io.failoverlab.testing;

import io.failoverlab.install.Installation;
import io.failoverlab.install.Installer;
import io.failoverlab.lab.LabSpec;
import io.failoverlab.lab.PackageSource;
import io.failoverlab.remote.LocalShell;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Makes sure pg_auto_failover is installed on this machine, with the app's own installer (distro
 * source), before a cluster test class runs; once per test JVM, whichever class comes first. The
 * first run is kept so InstallerTest can check what it did on a fresh machine.
 */
public final class PgAutoFailoverInstalled implements BeforeAllCallback {
    /** The first ensure(): what it found or installed, its output and its progress fractions. */
    public record FirstRun(Installation installation, List<String> output, List<Double> progress) { }

    private static FirstRun first;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        ensure();
    }

    /** Installs unless installed; the first call's record. */
    public static synchronized FirstRun ensure() throws Exception {
        if (first == null) {
            LabSpec lab = LabSpec.localDefault();
            lab.packageSource = PackageSource.DISTRO;
            List<String> output = Collections.synchronizedList(new ArrayList<>());
            List<Double> progress = Collections.synchronizedList(new ArrayList<>());
            Installation in = new Installer().ensure(new LocalShell(), lab, (s, l) -> output.add(l), progress::add);
            first = new FirstRun(in, List.copyOf(output), List.copyOf(progress));
        }
        return first;
    }
}
