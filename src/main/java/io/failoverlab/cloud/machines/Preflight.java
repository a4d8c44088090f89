package io.failoverlab.cloud.machines;

import io.failoverlab.lab.LabException;
import io.failoverlab.lab.Msg;
import io.failoverlab.lab.MachinesSettings;

import java.util.ArrayList;
import java.util.List;

/** What booting machines on this computer needs, checked before anything is made; one sentence each. */
public final class Preflight {
    private Preflight() { }

    /** The Debian packages missing on this computer for machines (empty when nothing is missing). */
    public static List<String> missingPackages() {
        List<String> p = new ArrayList<>();
        if (RootCommands.which("systemd-nspawn") == null) p.add("systemd-container");
        if (RootCommands.which("debootstrap") == null) p.add("debootstrap");
        if (RootCommands.which("apt-cacher-ng") == null) p.add("apt-cacher-ng");
        if (RootCommands.which("ip") == null) p.add("iproute2");
        return p;
    }

    /** Whether this computer can boot machines now, and if not the first thing in the way. */
    public record Readiness(State state, List<String> missing) {
        public enum State { READY, NOT_LINUX, NOT_ROOT, MISSING_PACKAGES }
    }

    /** Checked in this order: Linux, root, the packages. */
    public static Readiness readiness() {
        if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
            return new Readiness(Readiness.State.NOT_LINUX, List.of());
        }
        if (!"root".equals(System.getProperty("user.name"))) return new Readiness(Readiness.State.NOT_ROOT, List.of());
        List<String> missing = missingPackages();
        return new Readiness(missing.isEmpty() ? Readiness.State.READY : Readiness.State.MISSING_PACKAGES, missing);
    }

    /**
     * Throws one sentence for what stands in the way. Missing packages are installed first when the
     * lab allows installing packages (the window asks before, as for pg_auto_failover on the hosts).
     */
    static void check(MachinesSettings s, boolean installPackages, java.util.function.Consumer<String> output) {
        List<String> problems = s.problems();
        if (!problems.isEmpty()) throw new LabException(String.join(" ", problems));
        Readiness r = readiness();
        if (r.state() == Readiness.State.MISSING_PACKAGES && installPackages) {
            install(r.missing(), output);
            r = readiness();
        }
        switch (r.state()) {
            case NOT_LINUX -> throw new LabException(Msg.of("machines.needLinux"));
            case NOT_ROOT -> throw new LabException(Msg.of("machines.needRoot"));
            case MISSING_PACKAGES -> throw new LabException(Msg.of(r.missing().size() == 1 ? "machines.missingOne" : "machines.missing",
                    String.join(", ", r.missing()), String.join(" ", r.missing())));
            case READY -> { }
        }
    }

    /** apt-get on this computer (we are root here: readiness says so before packages are looked at). */
    private static void install(List<String> packages, java.util.function.Consumer<String> output) {
        List<String> argv = new ArrayList<>(List.of("env", "DEBIAN_FRONTEND=noninteractive", "apt-get", "install", "-y", "-q",
                "--no-install-recommends"));
        argv.addAll(packages);
        try {
            RootCommands.run(java.time.Duration.ofMinutes(10), output, argv);
        } catch (LabException first) {
            // a fresh computer may not have read its package lists yet
            RootCommands.run(java.time.Duration.ofMinutes(10), output, List.of("apt-get", "update", "-q"));
            RootCommands.run(java.time.Duration.ofMinutes(10), output, argv);
        }
    }
}
