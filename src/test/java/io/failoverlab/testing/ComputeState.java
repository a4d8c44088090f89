package io.failoverlab.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Instances, firewall rules and operations of the local Compute API. Every mutation is done by
 * the time its operation is returned (RUNNING; get or wait then says DONE), and the VM behind an
 * instance is made, powered off or on, or removed through the {@link VmBacking}.
 */
final class ComputeState {
    record Answer(int status, JsonNode body) { }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxxx");
    final ComputeCatalog catalog = new ComputeCatalog();
    /** "zone/name" → instance */
    final Map<String, ObjectNode> instances = new TreeMap<>();
    final Map<String, ObjectNode> firewalls = new TreeMap<>();
    private final Map<String, ObjectNode> operations = new LinkedHashMap<>();
    private final VmBacking backing;
    /** Published instead of the VM's real host key, when set. */
    String fakeHostKey;
    private final String base;

    ComputeState(VmBacking backing, String base) {
        this.backing = backing;
        this.base = base;
    }

    static String now() { return OffsetDateTime.now(ZoneOffset.ofHours(-8)).format(TS); }

    static String id() { return String.valueOf(1_000_000_000_000_000_000L + (RANDOM.nextLong() & Long.MAX_VALUE) % 8_000_000_000_000_000_000L); }

    static Answer ok(JsonNode n) { return new Answer(200, n); }

    static Answer error(ApiError e) { return new Answer(e.code(), e.body()); }

    /** A zonal (zone != null) or global operation on target; error = the failure it ended with. */
    Answer operation(String project, String zone, String type, String target, String targetId, ApiError failure) {
        String name = "operation-" + System.currentTimeMillis() + "-" + Long.toHexString(RANDOM.nextLong() & 0xffffffffffffL) + "-"
                + Integer.toHexString(RANDOM.nextInt());
        String scope = zone == null ? "projects/" + project + "/global" : "projects/" + project + "/zones/" + zone;
        ObjectNode op = ApiError.JSON.createObjectNode().put("kind", "compute#operation").put("id", id()).put("name", name)
                .put("operationType", type).put("targetLink", base + scope + "/" + target).put("status", "RUNNING")
                .put("user", "student@example.edu").put("progress", 0).put("insertTime", now()).put("startTime", now())
                .put("selfLink", base + scope + "/operations/" + name);
        if (targetId != null) op.put("targetId", targetId);
        if (zone != null) op.put("zone", base + "projects/" + project + "/zones/" + zone);
        ObjectNode done = op.deepCopy().put("status", "DONE").put("progress", 100).put("endTime", now());
        if (failure != null) failure.intoOperation(done);
        operations.put(scope + "/" + name, done);
        return ok(op);
    }

    Answer getOperation(String scope, String name) {
        ObjectNode op = operations.get(scope + "/" + name);
        return op == null ? error(ApiError.notFound(scope + "/operations/" + name)) : ok(op);
    }

    // ---- instances ----

    Answer insertInstance(String project, String zone, JsonNode body, ApiError opFailure) {
        String name = body.path("name").asText(null);
        ApiError bad = ComputeCatalog.nameProblem("resource.name", name);
        if (bad != null) return error(bad);
        String mt = body.path("machineType").asText("");
        if (mt.isEmpty()) return error(ApiError.required("resource.machineType"));
        String type = mt.substring(mt.lastIndexOf('/') + 1);
        if (!catalog.machineTypes.containsKey(type)) {
            return error(ApiError.invalid("resource.machineType", mt, "Machine type with name '" + type + "' does not exist in zone '" + zone + "'."));
        }
        JsonNode disks = body.path("disks");
        if (!disks.isArray() || disks.isEmpty()) return error(ApiError.required("resource.disks"));
        String image = disks.path(0).path("initializeParams").path("sourceImage").asText("");
        String family = image.replaceFirst(".*/(?:imageFamilyViews|images/family)/", "");
        String imageProject = image.replaceFirst(".*projects/([^/]+)/.*", "$1");
        if (image.isEmpty() && disks.path(0).path("source").isMissingNode()) return error(ApiError.required("resource.disks[0].initializeParams.sourceImage"));
        if (!family.equals(image) && !imageProject.equals(catalog.families.get(family))) {
            return error(ApiError.notFound("projects/" + imageProject + "/global/images/family/" + family));
        }
        Map<String, String> labels = new TreeMap<>();
        body.path("labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        if ((bad = ComputeCatalog.labelProblem(labels)) != null) return error(bad);
        for (JsonNode t : body.path("tags").path("items")) {
            if ((bad = ComputeCatalog.nameProblem("resource.tags.items", t.asText())) != null) return error(bad);
        }
        if (!body.path("networkInterfaces").isArray() || body.path("networkInterfaces").isEmpty()) {
            return error(ApiError.required("resource.networkInterfaces"));
        }
        String path = "projects/" + project + "/zones/" + zone + "/instances/" + name;
        if (instances.containsKey(zone + "/" + name)) return error(ApiError.of(ApiError.Kind.ALREADY_EXISTS, project, zone, path, null));
        if (opFailure != null) return operation(project, zone, "insert", "instances/" + name, null, opFailure);
        String[] login = sshKey(body.path("metadata"));
        VmBacking.Vm vm;
        try {
            vm = backing.create(name, login[0], login[1]);
        } catch (Exception e) {
            return operation(project, zone, "insert", "instances/" + name, null,
                    new ApiError(500, null, "INTERNAL_ERROR", null, "The VM could not be booted: " + e.getMessage(), true, null));
        }
        ObjectNode i = ((ObjectNode) body.deepCopy()).put("kind", "compute#instance").put("id", id()).put("status", "RUNNING")
                .put("creationTimestamp", now()).put("lastStartTimestamp", now()).put("cpuPlatform", "Intel Broadwell")
                .put("zone", base + "projects/" + project + "/zones/" + zone).put("selfLink", base + path)
                .put("machineType", base + "projects/" + project + "/zones/" + zone + "/machineTypes/" + type)
                .put("fingerprint", "q3F0bWx1U2c=").put("labelFingerprint", "42WmSpB8rSM=").put("canIpForward", false)
                .put("deletionProtection", false).put("startRestricted", false);
        ObjectNode d = (ObjectNode) i.withArray("disks").get(0);
        d.remove("initializeParams");
        d.put("kind", "compute#attachedDisk").put("deviceName", name).put("index", 0).put("mode", "READ_WRITE").put("type", "PERSISTENT")
                .put("source", base + "projects/" + project + "/zones/" + zone + "/disks/" + name).put("diskSizeGb", "20");
        ((ObjectNode) i.path("metadata")).put("kind", "compute#metadata").put("fingerprint", "q3F0bWx1U2c=");
        ObjectNode nic = (ObjectNode) i.withArray("networkInterfaces").get(0);
        nic.put("kind", "compute#networkInterface").put("name", "nic0").put("stackType", "IPV4_ONLY")
                .put("subnetwork", base + "projects/" + project + "/regions/" + zone.replaceFirst("-[a-z]$", "") + "/subnetworks/default");
        i.set("hostkeys", ApiError.JSON.valueToTree(fakeHostKey != null ? List.of(fakeHostKey) : vm.hostKeys()));
        address(i, vm.address());
        instances.put(zone + "/" + name, i);
        return operation(project, zone, "insert", "instances/" + name, i.path("id").asText(), null);
    }

    /** [user, "ssh-ed25519 AAAA… comment"] from the first ssh-keys line (guest agent format). */
    static String[] sshKey(JsonNode metadata) {
        for (JsonNode item : metadata.path("items")) {
            if ("ssh-keys".equals(item.path("key").asText())) {
                String line = item.path("value").asText().strip().split("\\R")[0];
                int colon = line.indexOf(':');
                if (colon > 0) return new String[]{line.substring(0, colon), line.substring(colon + 1)};
            }
        }
        return new String[]{null, null};
    }

    private static void address(ObjectNode i, String addr) {
        ObjectNode nic = (ObjectNode) i.withArray("networkInterfaces").get(0);
        nic.put("networkIP", addr);
        ArrayNode acs = nic.withArray("accessConfigs");
        for (JsonNode ac : acs) {
            ObjectNode a = (ObjectNode) ac;
            a.put("kind", "compute#accessConfig").put("networkTier", "PREMIUM");
            if (!a.has("name")) a.put("name", "external-nat");
            if (addr == null) a.remove("natIP");
            else a.put("natIP", addr);
        }
    }

    Answer getInstance(String project, String zone, String name) {
        ObjectNode i = instances.get(zone + "/" + name);
        return i == null ? error(ApiError.notFound("projects/" + project + "/zones/" + zone + "/instances/" + name)) : ok(view(i));
    }

    /** The instance as the API shows it (the backing's host keys are not part of it). */
    static ObjectNode view(ObjectNode i) {
        ObjectNode v = i.deepCopy();
        v.remove("hostkeys");
        return v;
    }

    Answer listInstances(String project, String zone) {
        ObjectNode l = ApiError.JSON.createObjectNode().put("kind", "compute#instanceList").put("id", "projects/" + project + "/zones/" + zone + "/instances")
                .put("selfLink", base + "projects/" + project + "/zones/" + zone + "/instances");
        ArrayNode items = ApiError.JSON.createArrayNode();
        instances.forEach((k, i) -> {
            if (k.startsWith(zone + "/")) items.add(view(i));
        });
        if (!items.isEmpty()) l.set("items", items);
        return ok(l);
    }

    Answer aggregatedInstances(String project) {
        ObjectNode l = ApiError.JSON.createObjectNode().put("kind", "compute#instanceAggregatedList").put("id", "projects/" + project + "/aggregated/instances")
                .put("selfLink", base + "projects/" + project + "/aggregated/instances");
        ObjectNode items = l.putObject("items");
        instances.forEach((k, i) -> {
            String zone = k.substring(0, k.indexOf('/'));
            ((ObjectNode) items.with("zones/" + zone)).withArray("instances").add(view(i));
        });
        return ok(l);
    }

    Answer power(String project, String zone, String name, boolean on) {
        ObjectNode i = instances.get(zone + "/" + name);
        if (i == null) return error(ApiError.notFound("projects/" + project + "/zones/" + zone + "/instances/" + name));
        String verb = on ? "start" : "stop";
        boolean running = "RUNNING".equals(i.path("status").asText());
        try {
            if (on && !running) {
                VmBacking.Vm vm = backing.powerOn(name);
                address(i, vm.address());
                i.put("status", "RUNNING").put("lastStartTimestamp", now());
            } else if (!on && running) {
                backing.powerOff(name);
                address(i, null);
                i.put("status", "TERMINATED").put("lastStopTimestamp", now());
            }
        } catch (Exception e) {
            return operation(project, zone, verb, "instances/" + name, i.path("id").asText(),
                    new ApiError(500, null, "INTERNAL_ERROR", null, "The VM could not be " + (on ? "started" : "stopped") + ": " + e.getMessage(), true, null));
        }
        return operation(project, zone, verb, "instances/" + name, i.path("id").asText(), null);
    }

    Answer deleteInstance(String project, String zone, String name) {
        ObjectNode i = instances.get(zone + "/" + name);
        if (i == null) return error(ApiError.notFound("projects/" + project + "/zones/" + zone + "/instances/" + name));
        try {
            backing.delete(name);
        } catch (Exception e) {
            return operation(project, zone, "delete", "instances/" + name, i.path("id").asText(),
                    new ApiError(500, null, "INTERNAL_ERROR", null, "The VM could not be deleted: " + e.getMessage(), true, null));
        }
        instances.remove(zone + "/" + name);
        return operation(project, zone, "delete", "instances/" + name, i.path("id").asText(), null);
    }

    Answer guestAttributes(String project, String zone, String name, String queryPath) {
        ObjectNode i = instances.get(zone + "/" + name);
        if (i == null) return error(ApiError.notFound("projects/" + project + "/zones/" + zone + "/instances/" + name));
        ObjectNode g = ApiError.JSON.createObjectNode().put("kind", "compute#guestAttributes").put("queryPath", queryPath)
                .put("selfLink", base + "projects/" + project + "/zones/" + zone + "/instances/" + name + "/getGuestAttributes");
        ArrayNode items = g.putObject("queryValue").putArray("items");
        boolean enabled = false;
        for (JsonNode m : i.path("metadata").path("items")) {
            enabled |= "enable-guest-attributes".equals(m.path("key").asText()) && "TRUE".equalsIgnoreCase(m.path("value").asText());
        }
        if (!enabled) return error(ApiError.notFound("projects/" + project + "/zones/" + zone + "/instances/" + name + "/guestAttributes"));
        if (queryPath == null || "hostkeys/".equals(queryPath) || "hostkeys".equals(queryPath)) {
            for (JsonNode k : i.path("hostkeys")) {
                String[] parts = k.asText().split("\\s+");
                items.addObject().put("namespace", "hostkeys").put("key", parts[0]).put("value", parts[1]);
            }
        }
        return ok(g);
    }

    // ---- firewalls ----

    Answer insertFirewall(String project, JsonNode body) {
        String name = body.path("name").asText(null);
        ApiError bad = ComputeCatalog.nameProblem("resource.name", name);
        if (bad != null) return error(bad);
        String path = "projects/" + project + "/global/firewalls/" + name;
        if (firewalls.containsKey(name)) return error(ApiError.of(ApiError.Kind.ALREADY_EXISTS, project, null, path, null));
        if (!body.path("allowed").isArray() && !body.path("denied").isArray()) return error(ApiError.required("resource.allowed"));
        boolean ingress = !"EGRESS".equals(body.path("direction").asText("INGRESS"));
        if (ingress && body.path("sourceRanges").isEmpty() && body.path("sourceTags").isEmpty() && body.path("sourceServiceAccounts").isEmpty()) {
            // The real API would default to 0.0.0.0/0 here; the lab must never ask for that.
            return error(ApiError.invalid("resource.sourceRanges", "", "An INGRESS rule needs sourceRanges or sourceTags "
                    + "(without them it would admit 0.0.0.0/0)."));
        }
        for (JsonNode t : body.path("targetTags")) {
            if ((bad = ComputeCatalog.nameProblem("resource.targetTags", t.asText())) != null) return error(bad);
        }
        ObjectNode r = ((ObjectNode) body.deepCopy()).put("kind", "compute#firewall").put("id", id()).put("creationTimestamp", now())
                .put("selfLink", base + path).put("disabled", false);
        if (!r.has("priority")) r.put("priority", 1000);
        if (!r.has("direction")) r.put("direction", "INGRESS");
        if (!r.has("network")) r.put("network", base + "projects/" + project + "/global/networks/default");
        r.putObject("logConfig").put("enable", false);
        firewalls.put(name, r);
        return operation(project, null, "insert", "firewalls/" + name, r.path("id").asText(), null);
    }

    Answer getFirewall(String project, String name) {
        ObjectNode r = firewalls.get(name);
        return r == null ? error(ApiError.notFound("projects/" + project + "/global/firewalls/" + name)) : ok(r);
    }

    Answer listFirewalls(String project) {
        ObjectNode l = ApiError.JSON.createObjectNode().put("kind", "compute#firewallList").put("id", "projects/" + project + "/global/firewalls")
                .put("selfLink", base + "projects/" + project + "/global/firewalls");
        if (!firewalls.isEmpty()) {
            ArrayNode items = l.putArray("items");
            firewalls.values().forEach(items::add);
        }
        return ok(l);
    }

    Answer patchFirewall(String project, String name, JsonNode body) {
        ObjectNode r = firewalls.get(name);
        if (r == null) return error(ApiError.notFound("projects/" + project + "/global/firewalls/" + name));
        body.fields().forEachRemaining(e -> {
            if (!e.getKey().equals("name")) r.set(e.getKey(), e.getValue());
        });
        return operation(project, null, "patch", "firewalls/" + name, r.path("id").asText(), null);
    }

    Answer deleteFirewall(String project, String name) {
        ObjectNode r = firewalls.remove(name);
        if (r == null) return error(ApiError.notFound("projects/" + project + "/global/firewalls/" + name));
        return operation(project, null, "delete", "firewalls/" + name, r.path("id").asText(), null);
    }

    List<String> instanceNames() {
        List<String> out = new ArrayList<>();
        instances.values().forEach(i -> out.add(i.path("name").asText()));
        return out;
    }
}
