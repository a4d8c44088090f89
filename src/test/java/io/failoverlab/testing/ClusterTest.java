package io.failoverlab.testing;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test class that needs real PostgreSQL + pg_auto_failover (or a real sshd) on this machine:
 * tagged {@code cluster}, and pg_auto_failover is installed before it runs.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("cluster")
@ExtendWith(PgAutoFailoverInstalled.class)
public @interface ClusterTest { }
