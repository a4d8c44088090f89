package io.failoverlab.remote;

import io.failoverlab.lab.LabException;
import io.failoverlab.lab.Msg;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How one machine's root and postgres commands get past sudo (docs/architecture.md, "Secrets"):
 * password-less sudo as before; otherwise the face is asked once (three tries) and the password
 * goes to `sudo -S` on standard input ahead of the script, never into an argument or an environment.
 * Nothing is run as root before the password is known to be right, so a refusal leaves nothing half-made.
 */
public final class Sudo {
    /** Wrong passwords before the step stops (sudo's own default). */
    public static final int TRIES = 3;

    /** Runs one bash line with these bytes on its standard input (the shell's own way to run). */
    @FunctionalInterface
    public interface Exec {
        CommandResult run(String line, byte[] stdin) throws IOException;
    }

    private enum Mode { UNKNOWN, PASSWORDLESS, PASSWORD }

    private final SudoChannel channel;
    private final String machine;
    private final String login;
    private Mode mode = Mode.UNKNOWN;
    private byte[] password;

    Sudo(SudoChannel channel, String machine, String login) {
        this.channel = channel;
        this.machine = machine;
        this.login = login;
    }

    /**
     * Runs the script as runAs through exec, with sudo's password when sudo wants one; sudo's own
     * checks (is a password wanted, is it right) go through checks, whose output no one hears.
     */
    public CommandResult run(RunAs runAs, boolean loginIsRoot, String script, Exec exec, Exec checks) throws IOException {
        if (runAs == RunAs.LOGIN || loginIsRoot) return exec.run(Privilege.wrap(runAs, loginIsRoot), Privilege.stdin(script));
        byte[] pw = password(checks);
        if (pw == null) {
            CommandResult r = exec.run(Privilege.wrap(runAs, false), Privilege.stdin(script));
            if (r.ok() || !wantsPassword(r.stderr())) return r;
            // sudo refused before running anything (a cached sudo ran out since the check): ask, run again
            synchronized (this) { mode = Mode.UNKNOWN; }
            pw = password(checks);
            if (pw == null) return r;
        }
        byte[] in = Privilege.stdinAfterPassword(pw, script);
        try {
            return exec.run(Privilege.wrapWithPassword(runAs), in);
        } finally {
            Arrays.fill(in, (byte) 0);
        }
    }

    /**
     * Starts argv as root and leaves it running (the machines' root helper, which reads its work on
     * standard input): sudo's password, when sudo wants one, is the first line of that input and
     * never an argument; then the mark line, from which on the input is argv's own. Asks the face
     * when needed, as {@link #run} does.
     */
    public Process startAsRoot(List<String> argv, String mark, Exec checks) throws IOException {
        byte[] pw = password(checks);
        List<String> cmd = new ArrayList<>(pw == null ? List.of("sudo", "-n", "--") : List.of("sudo", "-S", "-k", "-p", "", "--"));
        cmd.addAll(argv);
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("LC_ALL", "C.UTF-8");
        Process p = pb.start();
        OutputStream in = p.getOutputStream();
        if (pw != null) {
            byte[] line = Privilege.passwordLine(pw);
            try {
                in.write(line);
            } finally {
                Arrays.fill(line, (byte) 0);
            }
        }
        in.write((mark + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
        return p;
    }

    /** null: password-less (or root); else the checked password. Asks the face when needed. */
    synchronized byte[] password(Exec exec) throws IOException {
        if (mode == Mode.PASSWORDLESS) return null;
        if (mode == Mode.PASSWORD) return password;
        CommandResult probe = exec.run(Privilege.SUDO_WITHOUT_PASSWORD, new byte[0]);
        if (probe.ok()) {
            mode = Mode.PASSWORDLESS;
            return null;
        }
        if (!wantsPassword(probe.stderr())) throw refusal(probe);
        byte[] known = channel.remembered(key());
        if (known != null && check(exec, known)) return known;
        for (int attempt = 1; attempt <= TRIES; attempt++) {
            char[] typed = channel.ask(new SudoPrompt.Question(machine, login, attempt));
            if (typed == null) throw new LabException(Msg.of("sudo.notGiven", where()));
            byte[] pw = utf8(typed);
            Arrays.fill(typed, '\0');
            if (check(exec, pw)) {
                channel.remember(key(), pw);
                return pw;
            }
            Arrays.fill(pw, (byte) 0);
        }
        throw new LabException(Msg.of("sudo.threeWrong", where()));
    }

    /** True when pw opens sudo here (then kept); false when sudo says it is wrong. */
    private boolean check(Exec exec, byte[] pw) throws IOException {
        byte[] in = Privilege.passwordLine(pw);
        CommandResult r;
        try {
            r = exec.run(Privilege.SUDO_CHECK_PASSWORD, in);
        } finally {
            Arrays.fill(in, (byte) 0);
        }
        if (r.ok()) {
            mode = Mode.PASSWORD;
            password = pw;
            return true;
        }
        String err = r.stderr() == null ? "" : r.stderr();
        if (notAllowed(err)) throw new LabException(Msg.of("sudo.notAllowed", login, where()));
        if (err.contains("incorrect password") || err.contains("Sorry, try again") || err.contains("no password was provided")) {
            channel.forget(key());
            return false;
        }
        throw new LabException(Msg.of("sudo.failed", where(), r.lastErrorLine()));
    }

    private LabException refusal(CommandResult r) {
        String err = r.stderr() == null ? "" : r.stderr();
        if (err.contains("sudo: command not found") || err.contains("sudo: not found")) {
            return new LabException(Msg.of("sudo.notInstalled", where(), login));
        }
        if (notAllowed(err)) return new LabException(Msg.of("sudo.notAllowed", login, where()));
        return new LabException(Msg.of("sudo.failed", where(), r.lastErrorLine()));
    }

    static boolean wantsPassword(String stderr) {
        return stderr != null && stderr.contains("sudo: a password is required");
    }

    private static boolean notAllowed(String err) {
        return err.contains("is not in the sudoers file") || err.contains("may not run sudo") || err.contains("is not allowed to execute");
    }

    /** "this computer" or the host, as a message argument. */
    Object where() { return machine == null ? Msg.of("sudo.thisComputer") : Msg.of("sudo.host", machine); }

    private String key() { return machine == null ? "" : machine; }

    private static byte[] utf8(char[] chars) {
        ByteBuffer b = StandardCharsets.UTF_8.encode(CharBuffer.wrap(chars));
        byte[] out = new byte[b.remaining()];
        b.get(out);
        if (b.hasArray()) Arrays.fill(b.array(), (byte) 0);
        return out;
    }
}
