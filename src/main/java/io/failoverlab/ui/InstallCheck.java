package io.failoverlab.ui;

import io.failoverlab.install.Installation;
import io.failoverlab.install.Installer;
import io.failoverlab.lab.HostSpec;
import io.failoverlab.remote.Shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Before building: asks to install packages on the hosts where pg_autoctl or PostgreSQL is missing. */
public final class InstallCheck implements Confirmation {
    @Override
    public Optional<Question> ask(LabSession s) {
        if (!s.lab().installPackages) return Optional.empty(); // the build itself says what is missing
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
