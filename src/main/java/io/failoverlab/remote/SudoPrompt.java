package io.failoverlab.remote;

/**
 * The face's side of the sudo channel (docs/architecture.md, "Secrets"): asked for a machine's
 * sudo password when sudo wants one. The CLI asks on the terminal or reads standard input, the
 * window shows a masked field. Called on an engine thread, never the FX thread; one question at a time.
 */
@FunctionalInterface
public interface SudoPrompt {

    /**
     * What is asked: the machine (null: this computer; else user@host:port), the login whose sudo
     * it is, and which try this is (1 to {@link Sudo#TRIES}; from 2 on, the last password was wrong).
     */
    record Question(String machine, String login, int attempt) {
        public boolean local() { return machine == null; }
        public boolean again() { return attempt > 1; }
    }

    /**
     * The password (the caller wipes the array), or null when the person gave none. May throw a
     * LabException with the face's own sentence (e.g. the CLI: no terminal and no --sudo-password-stdin).
     */
    char[] ask(Question q);

    /** No face: a password-wanting sudo is refused with one sentence. */
    SudoPrompt NONE = q -> null;
}
