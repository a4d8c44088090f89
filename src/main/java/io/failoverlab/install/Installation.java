package io.failoverlab.install;

import io.failoverlab.pgaf.PgafVersion;

/** What a host has: the pg_auto_failover version, the pg_ctl to use, and whether we installed it now. */
public record Installation(PgafVersion version, String pgctl, int postgresMajor, String postgresVersion,
                           boolean installedNow) { }
