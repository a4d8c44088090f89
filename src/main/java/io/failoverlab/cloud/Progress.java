package io.failoverlab.cloud;

/** Told while a provider works: fraction in 0..1 (or -1 when unknown) and a short status. */
@FunctionalInterface
public interface Progress {
    void report(double fraction, String text);

    Progress NONE = (f, t) -> { };
}
