package io.failoverlab.cloud.machines;

import io.failoverlab.lab.LabException;
import io.failoverlab.lab.Msg;
import io.failoverlab.lab.MachinesSettings;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

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
        public enum State { READY, NOT_LINUX, NO_SUDO, MISSING_PACKAGES }
    }

    /**
     * Checked in this order: Linux, a way to root (the app is root, or sudo is installed: whether
     * this login may use it is sudo's own answer when the lab is built), the packages.
     */
    public static Readiness readiness() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            return new Readiness(Readiness.State.NOT_LINUX, List.of());
        }
        if (!RootCommands.isRoot() && RootCommands.which("sudo") == null) return new Readiness(Readiness.State.NO_SUDO, List.of());
        List<String> missing = missingPackages();
        return new Readiness(missing.isEmpty() ? Readiness.State.READY : Readiness.State.MISSING_PACKAGES, missing);
    }

    /**
     * Throws one sentence for what stands in the way. Missing packages are installed first when the
     * lab allows installing packages (the window asks before, as for pg_auto_failover on the hosts).
     */
    static void check(MachinesSettings s, boolean installPackages, Consumer<String> output) {
        List<String> problems = s.problems();
        if (!problems.isEmpty()) throw new LabException(String.join(" ", problems));
        Readiness r = readiness();
        if (r.state() == Readiness.State.READY || r.state() == Readiness.State.MISSING_PACKAGES && installPackages) {
            // the sudo question now, once: a refusal or three wrong passwords stop the lab before anything is made
            RootCommands.open();
        }
        if (r.state() == Readiness.State.MISSING_PACKAGES && installPackages) {
            install(r.missing(), output);
            r = readiness();
        }
        switch (r.state()) {
            case NOT_LINUX -> throw new LabException(Msg.of("machines.needLinux"));
            case NO_SUDO -> throw new LabException(noSudo());
            case MISSING_PACKAGES -> throw new LabException(Msg.of(r.missing().size() == 1 ? "machines.missingOne" : "machines.missing",
                    String.join(", ", r.missing()), String.join(" ", r.missing())));
            case READY -> { }
        }
    }

    /** Why there is no way to root here, in sudo's own words. */
    public static Msg noSudo() { return Msg.of("sudo.notInstalled", Msg.of("sudo.thisComputer"), System.getProperty("user.name")); }

    /** apt-get on this computer, through the root channel (opened by check before packages are looked at). */
    private static void install(List<String> packages, Consumer<String> output) {
        List<String> argv = new ArrayList<>(List.of("env", "DEBIAN_FRONTEND=noninteractive", "apt-get", "install", "-y", "-q",
                "--no-install-recommends"));
        argv.addAll(packages);
        try {
            RootCommands.run(Duration.ofMinutes(10), output, argv);
        } catch (LabException first) {
            // a fresh computer may not have read its package lists yet
            RootCommands.run(Duration.ofMinutes(10), output, List.of("apt-get", "update", "-q"));
            RootCommands.run(Duration.ofMinutes(10), output, argv);
        }
    }
}
