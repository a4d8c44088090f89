package io.failoverlab.cli;

import io.failoverlab.lab.LabException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Verb, positional arguments and --options (--flag or --name value). */
public final class CliArgs {
    /** Options that take no value. */
    /** Verbs whose --json takes a FILE (status --json is a flag). */
    private static final Set<String> JSON_FILE_VERBS = Set.of("scenario", "partition", "heal", "kill-primary");
    private static final Set<String> FLAGS = Set.of("--json", "--destroy", "--help", "--yes", "--no-install", "--verbose", "--recreate", "--sequential", "--redact", "--no-journal");

    public final String verb;
    public final List<String> positional = new ArrayList<>();
    private final Map<String, String> options = new HashMap<>();

    public CliArgs(String[] args) {
        String v = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.startsWith("--")) {
                String name = a;
                String value = "true";
                int eq = a.indexOf('=');
                if (eq > 0) {
                    name = a.substring(0, eq);
                    value = a.substring(eq + 1);
                } else if (!FLAGS.contains(a) || a.equals("--json") && JSON_FILE_VERBS.contains(v)) { // e.g. scenario seed --json FILE
                    if (i + 1 >= args.length) throw new LabException("Option " + a + " needs a value.");
                    value = args[++i];
                }
                options.put(name, value);
            } else if (v == null) {
                v = a;
            } else {
                positional.add(a);
            }
        }
        verb = v;
    }

    public boolean flag(String name) { return options.containsKey(name); }

    public String option(String name, String dflt) { return options.getOrDefault(name, dflt); }

    public Integer intOption(String name) {
        String v = options.get(name);
        if (v == null) return null;
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new LabException("Option " + name + " needs a number, not '" + v + "'.");
        }
    }
}
