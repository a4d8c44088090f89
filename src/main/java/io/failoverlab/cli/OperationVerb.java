package io.failoverlab.cli;

import io.failoverlab.engine.LabRuntime;
import io.failoverlab.lab.LabException;
import io.failoverlab.lab.LabSpec;
import io.failoverlab.lab.StateTable;
import io.failoverlab.lab.Json;
import io.failoverlab.ops.OperationResult;
import io.failoverlab.ops.OperationRunner;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A verb that runs one operation on the lab's runner. A new operation verb is one subclass with
 * its @Command, nested in {@link OperationVerbs}. --json FILE writes {name, ok, seconds, message, figures}.
 */
abstract class OperationVerb extends Verb {
    @Option(names = "--json", paramLabel = "FILE", descriptionKey = "op.json") Path json;

    /** Builds the operation; bad input fails here, before any host is touched. */
    abstract OperationRunner.Operation operation(LabRuntime rt);

    /** The HA verbs keep the runner quiet: they print the result sentence once, themselves. */
    boolean quiet() { return false; }

    /** Prints the outcome; the default: the figures and the final state table, or the failure sentence. */
    int show(OperationRunner.Operation op, OperationResult r) {
        if (!r.ok()) {
            err().println(sentence(r));
            return 1;
        }
        for (Map.Entry<String, Double> f : r.figures().entrySet()) {
            out().printf(Locale.ROOT, "  %-26s %8.2f%n", f.getKey(), f.getValue());
        }
        if (r.finalState() != null) out().print(StateTable.render(r.finalState()));
        return 0;
    }

    /** The HA verbs' outcome: the final state table, then the result sentence (on err() when it failed). */
    int showSentence(OperationResult r) {
        if (r.finalState() != null) out().print(StateTable.render(r.finalState()));
        if (!r.ok()) {
            err().println(sentence(r));
            return 1;
        }
        out().println(sentence(r));
        return 0;
    }

    /** The result sentence in --lang's language where the result carries it as data, else as the operation said it. */
    String sentence(OperationResult r) {
        String lang = common().lang();
        if (r.msg() == null || lang == null || lang.equals("en")) return r.message();
        return r.msg().render(Locale.forLanguageTag(lang));
    }

    @Override
    int run(LabSpec lab) throws Exception {
        try (LabRuntime rt = common().runtime(lab, out());
             // a quiet verb prints its outcome once, itself; the journal (and so the report) still hears it
             OperationRunner runner = new OperationRunner(quiet() ? rt.journalOnly() : rt.engine().listener())) {
            OperationRunner.Operation op = operation(rt);
            OperationResult r = runner.runNow(op);
            if (json != null) write(r);
            return show(op, r);
        }
    }

    private void write(OperationResult r) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("name", r.name());
        o.put("ok", r.ok());
        o.put("seconds", r.seconds());
        o.put("message", r.message());
        o.put("figures", r.figures());
        try {
            Json.writeAtomically(json, Json.MAPPER.writeValueAsBytes(o));
        } catch (IOException e) {
            throw new LabException("Cannot write the result to " + json + ": " + e.getMessage() + ".");
        }
    }
}
