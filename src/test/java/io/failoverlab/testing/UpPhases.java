package io.failoverlab.testing;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every phase of `up` from its printed steps, for any provider: the provision step's own phases
 * (its message ends "(T s: name N s, name N s, ...)"), then each engine step: preflight, install
 * (the packages), monitor, each node and verify. One line for BENCH.
 */
public final class UpPhases {
    private static final Pattern STEP_LINE = Pattern.compile("(?m)^✓ (\\S+)\\s+([0-9.]+) s  (.*)$");
    private static final Pattern PROVISION_PHASES = Pattern.compile("\\([0-9.]+ s: (.*)\\)$");
    private static final Pattern PHASE = Pattern.compile("^([^0-9,]+?) ([0-9.]+) s");

    private UpPhases() { }

    /** "image=1.0 s network=0.4 s ... packages=20.1 s monitor=3.0 s node1=4.2 s ...". */
    public static String of(String upOut) {
        StringBuilder b = new StringBuilder();
        Matcher step = STEP_LINE.matcher(upOut);
        while (step.find()) {
            if (step.group(1).equals("provision")) {
                Matcher all = PROVISION_PHASES.matcher(step.group(3).strip());
                if (all.find()) {
                    for (String part : all.group(1).split(", ")) {
                        Matcher ph = PHASE.matcher(part.strip());
                        if (ph.find()) b.append(name(ph.group(1))).append('=').append(ph.group(2)).append(" s ");
                    }
                }
            }
            String name = step.group(1).equals("install") ? "packages" : step.group(1);
            b.append(name).append('=').append(step.group(2)).append(" s ");
        }
        return b.toString().strip();
    }

    private static String name(String words) { return words.strip().toLowerCase(Locale.ROOT).replace(' ', '_'); }
}
