package io.failoverlab.cloud;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields of a gcloud instance object the app uses (gce.md 1.3). zone and machineType are
 * full URLs there, so the last path segment is kept; natIP is absent while the VM is stopped.
 */
public record GceInstance(String name, String id, String zone, String machineType, String status,
                          String natIp, String internalIp, Map<String, String> labels, OffsetDateTime created) {

    public static GceInstance of(JsonNode n) {
        JsonNode nic = n.path("networkInterfaces").path(0);
        String nat = nic.path("accessConfigs").path(0).path("natIP").asText(null);
        Map<String, String> labels = new HashMap<>();
        n.path("labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        String ts = n.path("creationTimestamp").asText(null);
        return new GceInstance(n.path("name").asText(), n.path("id").asText(), last(n.path("zone").asText()),
                last(n.path("machineType").asText()), n.path("status").asText(), nat, nic.path("networkIP").asText(null),
                Map.copyOf(labels), ts == null ? null : OffsetDateTime.parse(ts));
    }

    public static List<GceInstance> listOf(JsonNode array) {
        List<GceInstance> out = new ArrayList<>();
        for (JsonNode n : array) out.add(of(n));
        return out;
    }

    public boolean running() { return "RUNNING".equals(status); }

    public String label(String key) { return labels.get(key); }

    private static String last(String url) {
        return url == null ? null : url.substring(url.lastIndexOf('/') + 1);
    }
}
