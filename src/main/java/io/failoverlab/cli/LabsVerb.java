package io.failoverlab.cli;

import io.failoverlab.lab.Msg;
import io.failoverlab.cloud.CloudLab;
import io.failoverlab.cloud.CostEstimate;
import io.failoverlab.cloud.Fleet;
import io.failoverlab.cloud.GceProvider;
import io.failoverlab.cloud.Providers;
import io.failoverlab.lab.LabException;
import io.failoverlab.lab.LabProfiles;
import io.failoverlab.lab.LabSpec;
import io.failoverlab.lab.LabStore;
import io.failoverlab.lab.LabValidator;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * labs                                   the stored labs and the cloud's, with state and cost
 * labs create --count N --prefix P --lab TEMPLATE [--sequential]   N identical labs for a class
 * labs delete --prefix P | NAME...       deletes those labs' VMs and firewall rules (and profiles)
 */
@Command(name = "labs")
final class LabsVerb extends Verb {
    @Parameters(paramLabel = "list|create|delete", arity = "0..*", descriptionKey = "labs.words") List<String> words = new ArrayList<>();
    @Option(names = "--count", paramLabel = "N", descriptionKey = "labs.count") Integer count;
    @Option(names = "--prefix", paramLabel = "NAME", descriptionKey = "labs.prefix") String prefix;
    @Option(names = "--sequential", descriptionKey = "labs.sequential") boolean sequential;

    /** Not one lab: --lab is the template of labs create. */
    @Override
    public Integer call() {
        CommonOptions args = common();
        String sub = words.isEmpty() ? "list" : words.get(0);
        LabStore store = LabStore.inConfigDir(args.paths().configDir());
        switch (sub) {
            case "list": return list(args, store);
            case "create": return create(args, store);
            case "delete": return delete(args, store);
            default:
                err().println("Unknown 'labs' command '" + sub + "': use list, create or delete.");
                return 2;
        }
    }

    @Override
    int run(LabSpec lab) { throw new UnsupportedOperationException("labs runs on no single lab"); }

    private int list(CommonOptions args, LabStore store) {
        List<LabSpec> stored = store.list();
        Map<String, CloudLab> cloud = new LinkedHashMap<>();
        Set<String> projects = new LinkedHashSet<>();
        if (args.project() != null) projects.add(args.project());
        LabSpec gceTemplate = null;
        for (LabSpec l : stored) {
            if (l.isCloud() && l.gce != null) {
                if (l.gce.project != null) projects.add(l.gce.project);
                if (gceTemplate == null) gceTemplate = l;
            }
        }
        for (String project : projects) {
            GceProvider gce = Providers.gce(gceTemplate == null ? null : gceTemplate.gce.gcloud, args.providerOptions(out()));
            io.failoverlab.lab.GceSettings t = gceTemplate == null ? new io.failoverlab.lab.GceSettings() : gceTemplate.gce.copy();
            t.project = project;
            for (CloudLab c : gce.list(t)) cloud.put(c.labId(), c);
        }
        out().printf(Locale.ROOT, "%-20s %-8s %-16s %-10s %-10s %s%n", "LAB", "PROVIDER", "STATE", "$/HOUR", "SO FAR", "NOTE");
        double perHour = 0;
        for (LabSpec l : stored) {
            CloudLab c = l.isCloud() ? cloud.remove(l.labId()) : null;
            if (c != null) perHour += row(l.name, c, l.gce.reminderHours);
            else out().printf(Locale.ROOT, "%-20s %-8s %-16s %-10s %-10s %s%n", l.name, l.provider,
                    l.isCloud() ? "not created" : "profile", "-", "-", "");
        }
        for (CloudLab c : cloud.values()) perHour += row(c.labId() + " *", c, 0);
        if (!cloud.isEmpty()) out().println("* in the cloud, but no profile here");
        out().println("Running labs cost about " + CostEstimate.usd(perHour) + " per hour in total (prices of " + io.failoverlab.cloud.PriceTable.DATE + ").");
        return 0;
    }

    private double row(String name, CloudLab c, double reminderHours) {
        String note = c.reminderDue() ? "REMINDER: running for over " + fmt(reminderHours) + " h, delete it when done" : c.project();
        out().printf(Locale.ROOT, "%-20s %-8s %-16s %-10s %-10s %s%n", name, "gce", c.state(), CostEstimate.usd(c.perHour()),
                CostEstimate.usd(c.totalSoFar()), note);
        return Double.isNaN(c.perHour()) ? 0 : c.perHour();
    }

    private static String fmt(double h) { return String.format(Locale.ROOT, "%.1f", h); }

    private int create(CommonOptions args, LabStore store) {
        String template = args.labFile();
        if (count == null || count < 1 || prefix == null || template == null) {
            err().println("labs create needs --count N (1 or more), --prefix NAME and --lab TEMPLATE (a gce lab profile).");
            return 2;
        }
        LabSpec t = LabProfiles.load(Path.of(template));
        if (!t.isCloud()) throw new LabException(Msg.of("cli.labs.notGce", t.name));
        LabValidator.check(t);
        List<LabSpec> labs = Fleet.clones(t, prefix, count);
        for (LabSpec l : labs) {
            if (store.exists(l.name)) throw new LabException(Msg.of("cli.labs.exists", l.name));
        }
        boolean parallel = !sequential;
        Providers.Options o = args.providerOptions(out());
        out().println("Creating " + count + " lab(s) " + (parallel ? "in parallel" : "one after another") + ": " + prefix + "-1 .. " + prefix + "-" + count);
        Fleet.Report r = Fleet.create(labs, l -> Providers.forLab(l, o), parallel, store::save);
        return report(r, "created");
    }

    private int delete(CommonOptions args, LabStore store) {
        List<String> names = new ArrayList<>(words.subList(1, words.size()));
        List<LabSpec> labs = new ArrayList<>();
        for (LabSpec l : store.list()) {
            if (!l.isCloud()) continue;
            if (names.contains(l.name) || prefix != null && l.name.startsWith(prefix + "-")) labs.add(l);
        }
        if (labs.isEmpty()) {
            err().println("No stored gce lab matches " + (prefix != null ? "prefix '" + prefix + "'" : names) + ".");
            return 1;
        }
        Providers.Options o = args.providerOptions(out());
        out().println("Deleting " + labs.size() + " lab(s): " + String.join(", ", labs.stream().map(l -> l.name).toList()));
        Fleet.Report r = Fleet.destroy(labs, l -> Providers.forLab(l, o), !sequential);
        for (Fleet.Outcome oc : r.outcomes()) if (oc.ok()) store.delete(oc.lab());
        return report(r, "deleted");
    }

    private int report(Fleet.Report r, String verb) {
        for (Fleet.Outcome o : r.outcomes()) {
            out().printf(Locale.ROOT, "%s %-20s %6.1f s  %s%n", o.ok() ? "✓" : "✗", o.lab(), o.seconds(), o.message());
        }
        out().printf(Locale.ROOT, "%d lab(s) %s, %d failed, wall time %.1f s.%n", r.outcomes().size() - r.failed(), verb, r.failed(),
                r.wall().toMillis() / 1000.0);
        if (r.failed() > 0) {
            Fleet.Outcome first = r.outcomes().stream().filter(o -> !o.ok()).findFirst().orElseThrow();
            err().println(first.lab() + ": " + first.message());
            return 1;
        }
        return 0;
    }
}
