package io.failoverlab.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import io.failoverlab.lab.InstanceSpec;
import io.failoverlab.lab.LabSpec;
import io.failoverlab.lab.Layout;
import io.failoverlab.lab.Msg;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * The lab's firewall rules: SSH only from the user's address, PostgreSQL ports only between
 * the lab's own VMs (source and target: the lab's network tag). The desktop never opens a
 * PostgreSQL port: it reaches the monitor through an SSH tunnel.
 */
final class GceFirewall {
    private final Gcloud gcloud;
    private final String project;

    GceFirewall(Gcloud gcloud, String project) {
        this.gcloud = gcloud;
        this.project = project;
    }

    /** Rules of this lab: target tag and description must both match (rules have no labels). */
    List<JsonNode> list(LabSpec lab) {
        JsonNode all = gcloud.json(List.of("compute", "firewall-rules", "list", "--project=" + project,
                "--filter=targetTags:" + GceNames.tag(lab)));
        List<JsonNode> mine = new ArrayList<>();
        for (JsonNode r : all) {
            boolean tagged = false;
            for (JsonNode t : r.path("targetTags")) tagged |= GceNames.tag(lab).equals(t.asText());
            if (tagged && GceNames.description(lab).equals(r.path("description").asText())) mine.add(r);
        }
        return mine;
    }

    /**
     * Creates missing rules (both at once: two gcloud calls, one wait); moves the SSH rule to the
     * user's current address when it changed. have: the lab's rules as {@link #list} found them a
     * moment ago (the provider lists them with its other reads). Says what it did.
     */
    Msg ensure(LabSpec lab, String sshFrom, Layout layout, List<JsonNode> have) {
        JsonNode ssh = byName(have, GceNames.sshRule(lab));
        List<Msg> done = new ArrayList<>();
        List<Runnable> calls = new ArrayList<>();
        String sshPort = "tcp:" + lab.gce.sshPort;
        if (ssh == null) {
            calls.add(() -> gcloud.json(List.of("compute", "firewall-rules", "create", GceNames.sshRule(lab), "--project=" + project,
                    "--network=" + lab.gce.network, "--direction=INGRESS", "--action=ALLOW", "--rules=" + sshPort,
                    "--source-ranges=" + sshFrom, "--target-tags=" + GceNames.tag(lab), "--description=" + GceNames.description(lab))));
            done.add(Msg.of("gce.firewall.sshFrom", sshFrom));
        } else if (!ssh.path("sourceRanges").toString().contains("\"" + sshFrom + "\"")) {
            calls.add(() -> gcloud.json(List.of("compute", "firewall-rules", "update", GceNames.sshRule(lab), "--project=" + project,
                    "--source-ranges=" + sshFrom)));
            done.add(Msg.of("gce.firewall.sshMoved", sshFrom));
        }
        if (layout == Layout.PER_ROLE && byName(have, GceNames.pgRule(lab)) == null) {
            calls.add(() -> gcloud.json(List.of("compute", "firewall-rules", "create", GceNames.pgRule(lab), "--project=" + project,
                    "--network=" + lab.gce.network, "--direction=INGRESS", "--action=ALLOW", "--rules=" + pgPorts(lab),
                    "--source-tags=" + GceNames.tag(lab), "--target-tags=" + GceNames.tag(lab), "--description=" + GceNames.description(lab))));
            done.add(Msg.of("gce.firewall.pg", pgPorts(lab)));
        }
        if (calls.isEmpty()) return Msg.of("gce.firewall.inPlace");
        Concurrently.run(calls.toArray(Runnable[]::new));
        Msg all = done.get(0);
        for (Msg m : done.subList(1, done.size())) all = Msg.of("step.join", all, m);
        return Msg.of("gce.firewall.done", all);
    }

    List<String> delete(LabSpec lab) {
        List<String> names = list(lab).stream().map(r -> r.path("name").asText()).toList();
        if (names.isEmpty()) return names;
        List<String> args = new ArrayList<>(List.of("compute", "firewall-rules", "delete"));
        args.addAll(names);
        args.add("--project=" + project);
        gcloud.json(args);
        return names;
    }

    static String pgPorts(LabSpec lab) {
        StringJoiner j = new StringJoiner(",");
        for (InstanceSpec i : lab.instances()) j.add("tcp:" + i.port);
        return j.toString();
    }

    private static JsonNode byName(List<JsonNode> rules, String name) {
        return rules.stream().filter(r -> name.equals(r.path("name").asText())).findFirst().orElse(null);
    }
}
