package io.failoverlab.cli;

import io.failoverlab.lab.LabException;
import io.failoverlab.lab.Msg;
import io.failoverlab.remote.Sudo;
import io.failoverlab.remote.SudoPrompt;

import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * The CLI's side of the sudo channel: like sudo itself, on the terminal without echo; with
 * --sudo-password-stdin, the first line of standard input (read once, for one try: a script
 * cannot type again). Without either, one sentence naming both ways.
 */
final class TerminalSudoPrompt implements SudoPrompt {
    private static final int MAX_LINE = 4096;

    private final boolean fromStdin;
    private final InputStream stdin;
    private final Console console;
    private final Locale locale;
    private boolean stdinRead;

    TerminalSudoPrompt(boolean fromStdin, InputStream stdin, Console console, Locale locale) {
        this.fromStdin = fromStdin;
        this.stdin = stdin;
        this.console = console;
        this.locale = locale;
    }

    @Override
    public synchronized char[] ask(Question q) {
        Msg where = q.local() ? Msg.of("sudo.thisComputer") : Msg.of("sudo.host", q.machine());
        if (fromStdin) {
            if (stdinRead) throw new LabException(Msg.of("sudo.stdinWrong", where));
            stdinRead = true;
            char[] line = firstLine();
            if (line == null) throw new LabException(Msg.of("sudo.stdinEmpty"));
            return line;
        }
        if (console == null) throw new LabException(Msg.of("sudo.noWayToAsk", where));
        if (q.again()) console.printf("%s%n", Msg.of("sudo.wrong", q.attempt(), Sudo.TRIES).render(locale));
        else console.printf("%s%n", Msg.of("sudo.why", where, q.login()).render(locale));
        char[] pw = console.readPassword("%s", Msg.of("sudo.prompt", q.login(), where).render(locale));
        if (pw == null) throw new LabException(Msg.of("sudo.notGiven", where));
        return pw;
    }

    /** The first line of stdin, byte by byte (nothing more is consumed); null at once-empty input. */
    private char[] firstLine() {
        byte[] buf = new byte[MAX_LINE];
        int n = 0;
        try {
            int b;
            while (n < buf.length && (b = stdin.read()) >= 0 && b != '\n') buf[n++] = (byte) b;
            if (n == 0) return null;
            if (buf[n - 1] == '\r') n--;
            CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(buf, 0, n));
            char[] out = Arrays.copyOfRange(chars.array(), chars.position(), chars.limit());
            Arrays.fill(chars.array(), '\0');
            return out;
        } catch (IOException e) {
            return null;
        } finally {
            Arrays.fill(buf, (byte) 0);
        }
    }
}
