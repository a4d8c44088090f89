package io.failoverlab.lab;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** Where PostgreSQL and pg_auto_failover packages come from. */
public enum PackageSource {
    /** Citus community repository script, then pg_auto_failover packages (the original lab's path). */
    CITUS,
    /** PostgreSQL's own apt repository (apt.postgresql.org). */
    PGDG,
    /** The operating system's archive (Debian 12: pg_auto_failover 2.0 for PostgreSQL 15). */
    DISTRO;

    @JsonValue
    public String id() { return name().toLowerCase(Locale.ROOT); }

    @JsonCreator
    public static PackageSource parse(String s) {
        for (PackageSource p : values()) if (p.id().equalsIgnoreCase(s)) return p;
        throw new LabException(Msg.of("packageSource.unknown", String.valueOf(s)));
    }
}
