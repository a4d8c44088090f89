package io.failoverlab.pgaf;

import io.failoverlab.lab.LabException;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** pg_auto_failover version, parsed from `pg_autoctl --version` ("pg_autoctl version 2.0"). */
public record PgafVersion(int major, int minor) implements Comparable<PgafVersion> {
    private static final Pattern VERSION = Pattern.compile("pg_autoctl version (\\d+)\\.(\\d+)");

    public static PgafVersion parse(String versionOutput) {
        Matcher m = VERSION.matcher(versionOutput == null ? "" : versionOutput);
        if (!m.find()) {
            throw new LabException("Cannot read the pg_auto_failover version from: "
                    + (versionOutput == null ? "" : versionOutput.strip()));
        }
        return new PgafVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    /** 1.4 renamed --nodename to --hostname, added --name and made an SSL choice mandatory. */
    public boolean hasHostnameOption() { return compareTo(new PgafVersion(1, 4)) >= 0; }

    @Override
    public int compareTo(PgafVersion o) {
        return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor);
    }

    @Override
    public String toString() { return major + "." + minor; }
}
