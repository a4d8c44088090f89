package io.failoverlab.ui.actions;

import io.failoverlab.ui.session.LabSession;
import io.failoverlab.ui.app.Question;
import io.failoverlab.cloud.machines.Preflight;
import io.failoverlab.install.Installation;
import io.failoverlab.install.Installer;
import io.failoverlab.lab.HostSpec;
import io.failoverlab.remote.Shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Before building: asks to install packages where they are missing. A machines lab first needs
 * systemd-container, debootstrap and the rest on this computer; then pg_autoctl and PostgreSQL on
 * each host.
 */
public final class InstallCheck implements Confirmation {
    private final Supplier<Preflight.Readiness> thisComputer;

    public InstallCheck() { this(Preflight::readiness); }

    InstallCheck(Supplier<Preflight.Readiness> thisComputer) { this.thisComputer = thisComputer; }

    @Override
    public Optional<Question> ask(LabSession s) {
        if (!s.lab().installPackages) return Optional.empty(); // the build itself says what is missing
        if (s.lab().runsOnMachines()) {
            Preflight.Readiness r = thisComputer.get();
            if (r.state() == Preflight.Readiness.State.MISSING_PACKAGES) {
                return Optional.of(new Question("confirm.installMachines.title", "confirm.installMachines.text",
                        String.join(", ", r.missing())));
            }
        }
        List<String> missing = new ArrayList<>();
        for (HostSpec h : s.lab().hosts) {
            try {
                Shell sh = s.engine().shells().host(h.id);
                Installation in = new Installer().detect(sh, s.lab().postgresMajor);
                if (in.version() == null || in.pgctl() == null) missing.add(sh.describe());
            } catch (Exception e) {
                missing.add(h.id); // no postgres user yet (nothing installed) or cannot check: ask anyway
            }
        }
        if (missing.isEmpty()) return Optional.empty();
        return Optional.of(new Question("confirm.install.title", "confirm.install.text",
                String.join(", ", missing), s.lab().postgresMajor, s.lab().packageSource.id()));
    }
}
