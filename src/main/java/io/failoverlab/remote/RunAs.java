package io.failoverlab.remote;

/** Whose rights a command runs with. */
public enum RunAs {
    /** The login user as it is. */
    LOGIN,
    /** root: directly when logged in as root, else {@code sudo -n}. */
    ROOT,
    /** postgres with a login environment: {@code sudo -iu postgres}, or {@code runuser -l} as root. */
    POSTGRES
}
