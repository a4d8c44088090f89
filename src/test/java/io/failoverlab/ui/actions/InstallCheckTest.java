package io.failoverlab.ui.actions;

import io.failoverlab.ui.session.LabSession;
import io.failoverlab.ui.app.Messages;
import io.failoverlab.ui.app.Question;
import io.failoverlab.cloud.machines.Preflight;
import java.util.List;
import java.util.Locale;

import io.failoverlab.lab.LabSpec;
import io.failoverlab.remote.Command;
import io.failoverlab.remote.CommandResult;
import io.failoverlab.remote.PortForward;
import io.failoverlab.remote.Shell;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Build lab asks before installing packages only when pg_autoctl or PostgreSQL is missing. */
class InstallCheckTest {
    static Shell answering(String probeOutput) {
        return new Shell() {
            public CommandResult run(Command c) { return new CommandResult(0, probeOutput, "", Duration.ZERO, false); }
            public void upload(byte[] content, String remotePath, String mode) { }
            public PortForward forward(String h, int p) { return PortForward.direct(p); }
            public String describe() { return "test host"; }
            public boolean loginIsRoot() { return true; }
            public void close() { }
        };
    }

    static Optional<Question> ask(String probeOutput, boolean installPackages) throws Exception {
        LabSpec lab = LabSpec.local("/tmp/never", 7000, 7001, 7002);
        lab.installPackages = installPackages;
        try (LabSession s = new LabSession(lab, h -> answering(probeOutput))) {
            return new InstallCheck().ask(s);
        }
    }

    @Test
    void asksWhenPgAutoctlIsMissing() throws Exception {
        Optional<Question> q = ask("pgaf=\n", true);
        assertTrue(q.isPresent());
        assertEquals("confirm.install.title", q.get().titleKey());
        assertEquals("test host", q.get().args()[0]);
        assertTrue(Messages.of(java.util.Locale.ENGLISH).tr(q.get().textKey(), q.get().args()).contains("PostgreSQL 15"));
    }

    @Test
    void goesAheadWhenInstalledOrWhenTheLabForbidsInstalling() throws Exception {
        assertTrue(ask("pgaf=pg_autoctl version 2.0\npgctl=/usr/lib/postgresql/15/bin/pg_ctl\npgver=15.8\n", true).isEmpty());
        assertTrue(ask("pgaf=\n", false).isEmpty());
    }

    @Test
    void aMachinesLabAsksForThisComputersPackagesFirst() throws Exception {
        LabSpec lab = LabSpec.local("/tmp/never", 7000, 7001, 7002);
        lab.provider = "machines";
        lab.hosts.clear();
        Preflight.Readiness missing = new Preflight.Readiness(Preflight.Readiness.State.MISSING_PACKAGES,
                List.of("systemd-container", "debootstrap"));
        try (LabSession s = new LabSession(lab, h -> answering("pgaf=\n"))) {
            Optional<Question> q = new InstallCheck(() -> missing).ask(s);
            assertTrue(q.isPresent());
            assertEquals("confirm.installMachines.title", q.get().titleKey());
            String ru = Messages.of(Locale.forLanguageTag("ru")).tr(q.get().textKey(), q.get().args());
            assertTrue(ru.contains("systemd-container, debootstrap") && ru.contains("apt-get"), ru);
            Preflight.Readiness ready = new Preflight.Readiness(Preflight.Readiness.State.READY, List.of());
            assertTrue(new InstallCheck(() -> ready).ask(s).isEmpty(), "nothing missing here and no hosts yet: no question");
            lab.installPackages = false;
            assertTrue(new InstallCheck(() -> missing).ask(s).isEmpty(), "a lab that forbids installing is not asked");
        }
    }
}
