package io.failoverlab.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks what looks like a secret before anything reaches a journal or a report: password=…,
 * PASSWORD '…', passwords in connection URIs, private key blocks, and the literal values of the
 * environment's secret variables (FAILOVER_LAB_SSH_PASSPHRASE, PGPASSWORD, *PASSWORD*, *TOKEN*…).
 * Commands arrive already masked by Command.display; this is the second, defensive line.
 */
public final class Secrets {
    public static final String MASK = "********";

    private static final Pattern KEY_VALUE = Pattern.compile(
            "(?i)\\b([A-Za-z_]*(?:password|passwd|passphrase|secret|token|pwd))(\\s*[=:]\\s*)(\"[^\"]*\"|'[^']*'|[^\\s&;,\"']+)");
    private static final Pattern OPTION = Pattern.compile("(?i)(--(?:password|passphrase|secret|token))(\\s+|=)(\"[^\"]*\"|'[^']*'|\\S+)");
    private static final Pattern SQL_PASSWORD = Pattern.compile("(?i)\\b(PASSWORD\\s+)(E?'(?:[^']|'')*'|\"[^\"]*\"|\\$\\$.*?\\$\\$)");
    private static final Pattern URI_PASSWORD = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://[^/\\s:@]+:)([^@\\s/]+)(@)");
    private static final Pattern KEY_BLOCK = Pattern.compile("(?s)-----BEGIN ([A-Z0-9 ]*)PRIVATE KEY-----.*?(-----END \\1PRIVATE KEY-----|\\z)");
    private static final Pattern KEY_BEGIN = Pattern.compile("-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----");
    private static final Pattern KEY_END = Pattern.compile("-----END [A-Z0-9 ]*PRIVATE KEY-----");
    private static final Pattern SECRET_VARIABLE = Pattern.compile("(?i).*(PASSWORD|PASSWD|PASSPHRASE|SECRET|TOKEN|PRIVATE_KEY|CREDENTIAL).*");

    private final List<String> literals;

    private Secrets(List<String> literals) {
        List<String> l = new ArrayList<>(literals);
        l.sort(Comparator.comparingInt(String::length).reversed());
        this.literals = List.copyOf(l);
    }

    /** Patterns only. */
    public static Secrets patterns() { return new Secrets(List.of()); }

    /** Patterns plus the values of the secret-looking variables of env (e.g. System.getenv()). */
    public static Secrets fromEnvironment(Map<String, String> env) {
        List<String> values = new ArrayList<>();
        for (Map.Entry<String, String> e : env.entrySet()) {
            String v = e.getValue();
            if (v != null && v.strip().length() >= 4 && SECRET_VARIABLE.matcher(e.getKey()).matches()) values.add(v.strip());
        }
        return new Secrets(values);
    }

    /** The same masking plus more literal values (e.g. a passphrase typed into the window). */
    public Secrets with(String... more) {
        List<String> l = new ArrayList<>(literals);
        for (String s : more) if (s != null && s.length() >= 4) l.add(s);
        return new Secrets(l);
    }

    public String mask(String text) {
        if (text == null || text.isEmpty()) return text;
        String s = text;
        for (String lit : literals) {
            if (s.contains(lit)) s = s.replace(lit, MASK);
        }
        s = KEY_BLOCK.matcher(s).replaceAll(m -> Matcher.quoteReplacement(
                "-----BEGIN " + m.group(1) + "PRIVATE KEY----- " + MASK + (m.group(2).isEmpty() ? "" : " " + m.group(2))));
        s = SQL_PASSWORD.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "'" + MASK + "'"));
        s = OPTION.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + m.group(2) + MASK));
        s = KEY_VALUE.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + m.group(2) + MASK));
        s = URI_PASSWORD.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK + m.group(3)));
        return s;
    }

    /**
     * Masks a stream of output lines: a private key printed line by line is hidden from its
     * BEGIN line to its END line. One per output stream; not thread-safe.
     */
    public final class LineMasker {
        private boolean inKey;

        public String mask(String line) {
            if (line == null) return null;
            if (inKey) {
                if (KEY_END.matcher(line).find()) inKey = false;
                return inKey ? MASK : KEY_END.matcher(line).find() ? line.replaceAll(".*?(-----END)", "$1") : MASK;
            }
            Matcher b = KEY_BEGIN.matcher(line);
            if (b.find() && !KEY_END.matcher(line.substring(b.end())).find()) {
                inKey = true;
                return Secrets.this.mask(line.substring(0, b.end())) + " " + MASK;
            }
            return Secrets.this.mask(line);
        }
    }

    public LineMasker lineMasker() { return new LineMasker(); }

}
