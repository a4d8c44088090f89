package io.failoverlab.testing;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds a secret in process arguments, also when it travels base64-encoded (as scripts once did). */
public final class ArgvSecrets {
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]{16,}={0,2}");

    private ArgvSecrets() { }

    /** The first secret that `ps -eo args` output shows, literally or inside a base64 token; null for none. */
    public static String find(String psOutput, Collection<String> secrets) {
        for (String s : secrets) {
            if (s == null || s.isEmpty()) continue;
            if (psOutput.contains(s)) return s;
            Matcher m = BASE64.matcher(psOutput);
            while (m.find()) {
                String decoded;
                try {
                    decoded = new String(Base64.getDecoder().decode(m.group()), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException notBase64) {
                    continue;
                }
                if (decoded.contains(s)) return s;
            }
        }
        return null;
    }
}
