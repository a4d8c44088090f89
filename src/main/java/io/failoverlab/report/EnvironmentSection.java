package io.failoverlab.report;

import io.failoverlab.lab.StepIds;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Section 1.1: what the lab ran on — machines, versions, timing profile, layout, database, security. */
final class EnvironmentSection {
    private static final Pattern VERSIONS = Pattern.compile("pg_auto_failover (\\S+), PostgreSQL (\\S+)");

    private final JournalModel m;
    private final ReportStrings t;
    private final Redaction r;

    EnvironmentSection(JournalModel m, ReportStrings t, Redaction r) {
        this.m = m;
        this.t = t;
        this.r = r;
    }

    void write(Doc d, String number) {
        d.h(3, number + " " + t.tr("env.title"), "environment");
        List<List<String>> rows = new ArrayList<>();
        String provider = m.labString("provider", "local");
        rows.add(List.of(t.tr("env.provider"), t.has("provider." + provider) ? t.tr("provider." + provider) : provider));
        Object gce = m.lab.get("gce");
        if (gce instanceof Map<?, ?> g) {
            rows.add(List.of("GCE", r.clean(g.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")))));
        }
        for (Map<String, Object> h : m.hosts()) {
            String id = String.valueOf(h.get("id"));
            rows.add(List.of(t.tr("env.machines") + " (" + id + ")", machine(h, "host." + id + ".")));
        }
        String[] versions = versions();
        rows.add(List.of(t.tr("env.postgres"), versions[1] == null ? t.tr("env.unknown") : versions[1]));
        rows.add(List.of(t.tr("env.pgaf"), versions[0] == null ? t.tr("env.unknown") : versions[0]));
        rows.add(List.of(t.tr("env.profile"), profile()));
        rows.add(List.of(t.tr("env.layout"), m.instances().stream()
                .map(i -> i.get("name") + " @ " + i.get("host") + ":" + i.get("port")).collect(Collectors.joining("; "))));
        rows.add(List.of(t.tr("env.database"), m.labString("database", "?") + " (formation " + m.labString("formation", "default") + ")"));
        rows.add(List.of(t.tr("env.security"), m.labString("auth", "?") + " / " + m.labString("ssl", "?")));
        d.table(List.of(t.tr("env.col.item"), t.tr("env.col.value")), rows);
    }

    /** A host's label, then what the environment probe found on it (keys host.&lt;id&gt;.os etc.). */
    private String machine(Map<String, Object> h, String k) {
        // this computer is named in the report's language (HostSpec.label says it in English)
        StringBuilder v = new StringBuilder(Boolean.TRUE.equals(h.get("local")) ? t.tr("env.thisMachine") : r.clean(String.valueOf(h.get("label"))));
        Object os = m.env.get(k + "os");
        if (os != null) v.append(" — ").append(r.clean(String.valueOf(os)));
        Object kernel = m.env.get(k + "kernel");
        if (kernel != null) v.append(", ").append(r.clean(String.valueOf(kernel)));
        if (m.env.get(k + "cpus") != null) {
            v.append(", ").append(t.tr("env.machine.details", r.clean(String.valueOf(m.env.get(k + "cpus"))),
                    r.clean(String.valueOf(m.env.getOrDefault(k + "memory", "?")))));
        }
        return v.toString();
    }

    /** [pg_auto_failover, PostgreSQL]: from the environment probe, else the scenario, else the install step's message. */
    private String[] versions() {
        String pgaf = null;
        String pg = null;
        for (Map.Entry<String, Object> e : m.env.entrySet()) {
            if (pgaf == null && e.getKey().endsWith(".pgautofailover")) pgaf = String.valueOf(e.getValue());
            if (pg == null && e.getKey().endsWith(".postgres")) pg = String.valueOf(e.getValue());
        }
        if (m.scenario != null) {
            if (pgaf == null && m.scenario.get("pgAutoFailoverVersion") != null) pgaf = String.valueOf(m.scenario.get("pgAutoFailoverVersion"));
            if (pg == null && m.scenario.get("postgresVersion") != null) pg = String.valueOf(m.scenario.get("postgresVersion"));
        }
        for (JournalModel.Step s : m.steps.values()) {
            if (!StepIds.INSTALL.equals(s.name) || s.message == null) continue;
            Matcher v = VERSIONS.matcher(s.message);
            if (v.find()) {
                if (pgaf == null) pgaf = v.group(1);
                if (pg == null) pg = v.group(2);
            }
        }
        return new String[]{pgaf, pg};
    }

    /** The scenario's profile, else the last one applied, else the lab's. */
    private String profile() {
        if (m.scenario != null && m.scenario.get("profile") != null) return String.valueOf(m.scenario.get("profile"));
        String p = m.labString("timingProfile", "default");
        for (JournalModel.Step s : m.steps.values()) {
            if (StepIds.hasArgument(s.name, StepIds.PROFILE) && Boolean.TRUE.equals(s.ok)) p = StepIds.argument(s.name);
        }
        return p;
    }
}
