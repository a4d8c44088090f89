package io.failoverlab.remote;

import java.util.HashMap;
import java.util.Map;

/**
 * The app's one way to sudo passwords for this session: the face's question (set once by the CLI or
 * the window) and the passwords given, per machine, kept in this process's memory only, so a second
 * lab or a reconnected shell to the same machine does not ask again.
 */
public final class SudoChannel {
    private static final SudoChannel SESSION = new SudoChannel();

    private volatile SudoPrompt prompt = SudoPrompt.NONE;
    private final Map<String, byte[]> given = new HashMap<>();

    SudoChannel() { }

    /** This process's channel. */
    public static SudoChannel session() { return SESSION; }

    /** The face's question; set once when the face starts. */
    public void prompt(SudoPrompt p) { this.prompt = p == null ? SudoPrompt.NONE : p; }

    /** One question at a time, whichever machine's shell asks (several hosts install at once). */
    synchronized char[] ask(SudoPrompt.Question q) { return prompt.ask(q); }

    synchronized byte[] remembered(String machineKey) {
        byte[] pw = given.get(machineKey);
        return pw == null ? null : pw.clone();
    }

    synchronized void remember(String machineKey, byte[] password) {
        byte[] old = given.put(machineKey, password.clone());
        if (old != null) java.util.Arrays.fill(old, (byte) 0);
    }

    synchronized void forget(String machineKey) {
        byte[] old = given.remove(machineKey);
        if (old != null) java.util.Arrays.fill(old, (byte) 0);
    }

    /** A machine's sudo as seen through this channel (machine null: this computer). */
    public Sudo forMachine(String machine, String login) { return new Sudo(this, machine, login); }
}
