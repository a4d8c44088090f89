package io.failoverlab.lab;

import java.util.List;

/**
 * The shell script that installs PostgreSQL + pg_auto_failover from one package source.
 * apt waits for the dpkg lock itself (DPkg::Lock::Timeout: fresh cloud VMs run unattended
 * upgrades) and reports progress on stdout (APT::Status-Fd=1, parsed by AptProgress).
 * create_main_cluster=false keeps the package from creating and starting a stray `main` cluster.
 * In `lab`, beside PackageSource, because two layers run it: the installer over SSH on every host,
 * and the machines provider into the image it bakes the packages into (cloud.machines.BakedImage).
 */
public final class PackagePlan {
    static final String APT = "DEBIAN_FRONTEND=noninteractive apt-get -y -q -o DPkg::Lock::Timeout=600 -o APT::Status-Fd=1";

    private PackagePlan() { }

    /**
     * What the distribution source installs for one PostgreSQL major: the one list, also baked into
     * the machines' package image (cloud.machines.BakedImage), which is rebuilt when it changes.
     */
    public static List<String> packages(int pgMajor) {
        return List.of("postgresql-" + pgMajor + "-auto-failover", "pg-auto-failover-cli");
    }

    public static String script(PackageSource source, int pgMajor) {
        String pkgs = String.join(" ", packages(pgMajor));
        StringBuilder s = new StringBuilder("set -e\n");
        s.append("command -v apt-get >/dev/null || { echo 'Only apt-based systems (Debian, Ubuntu) are supported by this installer.' >&2; exit 3; }\n");
        s.append("mkdir -p /etc/postgresql-common\n");
        s.append("grep -q '^create_main_cluster' /etc/postgresql-common/createcluster.conf 2>/dev/null"
                + " || echo 'create_main_cluster = false' >> /etc/postgresql-common/createcluster.conf\n");
        switch (source) {
            case DISTRO:
                s.append(APT).append(" update\n");
                s.append(APT).append(" install --no-install-recommends ").append(pkgs).append('\n');
                break;
            case PGDG:
                s.append(APT).append(" update\n");
                s.append(APT).append(" install --no-install-recommends postgresql-common ca-certificates curl\n");
                s.append("/usr/share/postgresql-common/pgdg/apt.postgresql.org.sh -y\n");
                s.append(APT).append(" install --no-install-recommends ").append(pkgs).append('\n');
                break;
            case CITUS:
                s.append(APT).append(" update\n");
                s.append(APT).append(" install --no-install-recommends ca-certificates curl\n");
                s.append("curl -fsSL https://install.citusdata.com/community/deb.sh | bash\n");
                // The Citus repository names its packages per version (pg-auto-failover-cli-1.4, ...):
                // take the plain names when present, else the newest versioned ones.
                s.append("cli=pg-auto-failover-cli; ext=postgresql-").append(pgMajor).append("-auto-failover\n");
                s.append("if ! apt-cache show \"$cli\" >/dev/null 2>&1; then cli=$(apt-cache pkgnames pg-auto-failover-cli- | sort -V | tail -1); fi\n");
                s.append("if ! apt-cache show \"$ext\" >/dev/null 2>&1; then ext=$(apt-cache pkgnames \"$ext-\" | sort -V | tail -1); fi\n");
                s.append(APT).append(" install --no-install-recommends \"$ext\" \"$cli\"\n");
                break;
            default:
                throw new IllegalArgumentException(source.toString());
        }
        return s.toString();
    }
}
