package io.failoverlab.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The read-only part of the local Compute API: which zones, machine types and image families
 * exist, and the name and label rules the real API applies (compute REST reference, "name" and
 * "labels" fields).
 */
final class ComputeCatalog {
    static final Pattern NAME = Pattern.compile("[a-z](?:[-a-z0-9]{0,61}[a-z0-9])?");
    static final Pattern LABEL_KEY = Pattern.compile("[\\p{Ll}\\p{Lo}][\\p{Ll}\\p{Lo}\\p{N}_-]{0,62}");
    static final Pattern LABEL_VALUE = Pattern.compile("[\\p{Ll}\\p{Lo}\\p{N}_-]{0,63}");

    final Set<String> zones = ConcurrentHashMap.newKeySet();
    /** name → {guestCpus, memoryMb} */
    final Map<String, int[]> machineTypes = new TreeMap<>();
    /** family → image project */
    final Map<String, String> families = new ConcurrentHashMap<>();

    ComputeCatalog() {
        zones.addAll(Set.of("us-central1-a", "us-central1-b", "us-central1-c", "us-central1-f", "us-east1-b", "us-east1-c",
                "europe-west1-b", "europe-west1-c", "europe-west3-a", "europe-north1-a"));
        machineTypes.put("e2-micro", new int[]{2, 1024});
        machineTypes.put("e2-small", new int[]{2, 2048});
        machineTypes.put("e2-medium", new int[]{2, 4096});
        machineTypes.put("e2-standard-2", new int[]{2, 8192});
        machineTypes.put("e2-standard-4", new int[]{4, 16384});
        machineTypes.put("n1-standard-1", new int[]{1, 3840});
        machineTypes.put("n2-standard-2", new int[]{2, 8192});
        families.put("debian-12", "debian-cloud");
        families.put("debian-13", "debian-cloud");
        families.put("ubuntu-2204-lts", "ubuntu-os-cloud");
        families.put("ubuntu-2404-lts-amd64", "ubuntu-os-cloud");
    }

    ObjectNode zone(String base, String project, String z) {
        String region = z.replaceFirst("-[a-z]$", "");
        ObjectNode n = ApiError.JSON.createObjectNode().put("kind", "compute#zone").put("id", String.valueOf(2000 + Math.abs(z.hashCode() % 1000)))
                .put("name", z).put("description", z).put("status", "UP")
                .put("region", base + "projects/" + project + "/regions/" + region)
                .put("selfLink", base + "projects/" + project + "/zones/" + z);
        n.putArray("availableCpuPlatforms").add("Intel Broadwell").add("AMD Milan");
        return n;
    }

    ObjectNode project(String base, String project) {
        ObjectNode n = ApiError.JSON.createObjectNode().put("kind", "compute#project").put("id", ApiError.PROJECT_NUMBER)
                .put("name", project).put("creationTimestamp", "2026-01-05T10:00:00.000-08:00")
                .put("defaultServiceAccount", ApiError.PROJECT_NUMBER + "-compute@developer.gserviceaccount.com")
                .put("xpnProjectStatus", "UNSPECIFIED_XPN_PROJECT_STATUS").put("selfLink", base + "projects/" + project);
        n.putObject("commonInstanceMetadata").put("kind", "compute#metadata").put("fingerprint", "5Ucp0lFsDHk=");
        return n;
    }

    ObjectNode machineType(String base, String project, String zone, String name) {
        int[] t = machineTypes.get(name);
        ObjectNode n = ApiError.JSON.createObjectNode().put("kind", "compute#machineType").put("id", String.valueOf(300000 + name.hashCode() % 1000))
                .put("name", name).put("description", t[0] + " vCPUs, " + t[1] / 1024 + " GB RAM").put("guestCpus", t[0])
                .put("memoryMb", t[1]).put("maximumPersistentDisks", 128).put("maximumPersistentDisksSizeGb", "263168")
                .put("zone", zone).put("isSharedCpu", name.equals("e2-micro") || name.equals("e2-small") || name.equals("e2-medium"))
                .put("selfLink", base + "projects/" + project + "/zones/" + zone + "/machineTypes/" + name);
        return n;
    }

    ObjectNode image(String base, String imageProject, String family) {
        String name = family + "-v20261120";
        ObjectNode n = ApiError.JSON.createObjectNode().put("kind", "compute#image").put("id", String.valueOf(7000000 + Math.abs(family.hashCode() % 100000)))
                .put("name", name).put("family", family).put("status", "READY").put("architecture", "X86_64")
                .put("diskSizeGb", "10").put("archiveSizeBytes", "1234567890").put("creationTimestamp", "2026-11-20T12:00:00.000-08:00")
                .put("selfLink", base + "projects/" + imageProject + "/global/images/" + name);
        n.putArray("licenses").add(base + "projects/" + imageProject + "/global/licenses/" + family.replaceAll("-amd64$", ""));
        return n;
    }

    /** null when the labels are fine, else the real API's complaint. */
    static ApiError labelProblem(Map<String, String> labels) {
        if (labels.size() > 64) return ApiError.invalid("resource.labels", "", "Too many labels: at most 64 are allowed.");
        for (Map.Entry<String, String> e : labels.entrySet()) {
            if (!LABEL_KEY.matcher(e.getKey()).matches()) {
                return ApiError.invalid("resource.labels", e.getKey(), "Label key '" + e.getKey() + "' violates format constraints. The key "
                        + "must start with a lowercase character, can only contain lowercase letters, numeric characters, underscores and "
                        + "dashes. The key can be at most 63 characters long. International characters are allowed.");
            }
            if (!LABEL_VALUE.matcher(e.getValue()).matches()) {
                return ApiError.invalid("resource.labels", e.getValue(), "Label value '" + e.getValue() + "' violates format constraints. "
                        + "The value can only contain lowercase letters, numeric characters, underscores and dashes. The value can be at "
                        + "most 63 characters long. International characters are allowed.");
            }
        }
        return null;
    }

    static ApiError nameProblem(String field, String name) {
        if (name == null || name.isEmpty()) return ApiError.required(field);
        if (!NAME.matcher(name).matches()) {
            return ApiError.invalid(field, name, "Must be a match of regex '(?:[a-z](?:[-a-z0-9]{0,61}[a-z0-9])?|[1-9][0-9]{0,19})'");
        }
        return null;
    }
}
