package io.failoverlab.cloud;

import io.failoverlab.lab.LabException;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * gcloud's error text (stderr, exit 1; formats in gce.md 1.7) turned into one sentence that says
 * what happened and what to do. Unknown errors keep gcloud's own first ERROR line.
 */
public final class GcloudErrors {
    private static final Pattern QUOTA = Pattern.compile("Quota '([A-Z0-9_]+)' exceeded\\.\\s+Limit: ([0-9.]+)(?: in region ([a-z0-9-]+))?");
    private static final Pattern EXISTS = Pattern.compile("The resource '([^']+)' already exists");
    // gcloud prints operation errors as YAML wrapped at 80 columns, so words may be split by a line break
    private static final Pattern ZONE = Pattern.compile("The zone '(?:projects/[^/]+/zones/)?([a-z0-9-]+)'\\s+does\\s+not\\s+have\\s+enough\\s+resources");
    private static final Pattern NO_ZONE = Pattern.compile("The resource 'projects/[^/]+/zones/([a-z0-9-]+)' was not found");
    private static final Pattern NO_FAMILY = Pattern.compile("The resource 'projects/([^/]+)/global/images/family/([^']+)' was not found");
    private static final Pattern BAD_NAME = Pattern.compile("Invalid value for field 'resource\\.name': '([^']*)'");
    private static final Pattern API_PROJECT = Pattern.compile("has not been used in project ([0-9a-z-]+)|not enabled on project \\[([0-9a-z-]+)]");
    private static final Pattern PERMISSION = Pattern.compile("Required '([a-zA-Z.]+)' permission for '([^']+)'");
    private static final Pattern MACHINE = Pattern.compile("Machine type with name '([^']+)' does not exist in zone '([^']+)'");
    private static final Pattern NO_MACHINE = Pattern.compile("zones/([a-z0-9-]+)/machineTypes/([a-z0-9-]+)' was not found");
    private static final Pattern NOT_FOUND = Pattern.compile("The resource '([^']+)' was not found");

    private GcloudErrors() { }

    public static LabException explain(String command, String stderr, int exitCode) {
        return new LabException(sentence(command, stderr == null ? "" : stderr, exitCode));
    }

    static String sentence(String command, String e, int exitCode) {
        Matcher m;
        if (e.contains("You do not currently have an active account selected") || e.contains("invalid authentication credentials")
                || e.contains("There was a problem refreshing your current auth tokens")
                || e.contains("cannot prompt during non-interactive execution")) {
            return "gcloud is not logged in (or its login has expired): run `gcloud auth login` in a terminal, then try again.";
        }
        if (e.contains("The required property [project] is not currently set")) {
            return "No Google Cloud project is set: put the project id into the lab profile (gce.project) or run `gcloud config set project PROJECT_ID`.";
        }
        m = API_PROJECT.matcher(e);
        boolean api = m.find();
        if (api || e.contains("accessNotConfigured")) {
            String p = api ? "project " + (m.group(1) != null ? m.group(1) : m.group(2)) : "the project";
            return "The Compute Engine API is not enabled in " + p + ": run `gcloud services enable compute.googleapis.com`"
                    + " for it (or enable it in the Cloud Console), wait a few minutes, then try again.";
        }
        if ((m = QUOTA.matcher(e)).find()) {
            String where = m.group(3) == null ? "" : " in " + m.group(3);
            String hint = "IN_USE_ADDRESSES".equals(m.group(1))
                    ? "delete other VMs with external addresses or request more quota at https://cloud.google.com/compute/quotas"
                    : "delete other VMs, choose a smaller machine type or the single-VM layout, or request more quota at https://cloud.google.com/compute/quotas";
            return "The project's " + m.group(1) + " quota (limit " + m.group(2).replaceAll("\\.0$", "") + where + ") is used up: " + hint + ".";
        }
        m = ZONE.matcher(e);
        boolean zoneNamed = m.find();
        if (zoneNamed || e.contains("ZONE_RESOURCE_POOL_EXHAUSTED")) {
            String zone = zoneNamed ? "Zone " + m.group(1) : "The zone";
            return zone + " has no capacity for these VMs right now: choose another zone in the lab profile (gce.zone) or try again later.";
        }
        if ((m = EXISTS.matcher(e)).find()) {
            return "A resource named " + last(m.group(1)) + " already exists in the project (" + m.group(1) + "): delete the old lab with "
                    + "`down --destroy` or `labs delete`, or give this lab another name.";
        }
        m = PERMISSION.matcher(e);
        boolean perm = m.find();
        if (perm || e.contains("PERMISSION_DENIED")) {
            String what = perm ? "permission " + m.group(1) : "a permission this needs";
            return "Your Google account lacks " + what + ": ask the project's owner for the Compute Instance Admin (v1) and "
                    + "Compute Security Admin roles, or use a project of your own.";
        }
        if (e.contains("constraints/compute.requireOsLogin")) {
            return "The organisation enforces OS Login, so the lab's own SSH key in the VM metadata is refused: use a project outside "
                    + "that organisation, or ask its admin to lift constraints/compute.requireOsLogin.";
        }
        if ((m = MACHINE.matcher(e)).find()) {
            return "Machine type " + m.group(1) + " does not exist in zone " + m.group(2) + ": pick one from "
                    + "`gcloud compute machine-types list --zones=" + m.group(2) + "` and set gce.machineType.";
        }
        if ((m = NO_MACHINE.matcher(e)).find()) {
            return "Machine type " + m.group(2) + " does not exist in zone " + m.group(1) + ": pick one from "
                    + "`gcloud compute machine-types list --zones=" + m.group(1) + "` and set gce.machineType.";
        }
        if ((m = NO_ZONE.matcher(e)).find()) {
            return "Zone " + m.group(1) + " does not exist, or this project cannot use it: pick one from `gcloud compute zones list` and set gce.zone.";
        }
        if ((m = NO_FAMILY.matcher(e)).find()) {
            return "Image family " + m.group(2) + " no longer exists in project " + m.group(1) + ": set gce.image to another family "
                    + "(debian-12, ubuntu-2404-lts-amd64 or ubuntu-2204-lts).";
        }
        if ((m = BAD_NAME.matcher(e)).find()) {
            return "GCE refuses the name '" + m.group(1) + "': names are lowercase letters, digits and '-', start with a letter and have "
                    + "at most 63 characters; rename the lab or node.";
        }
        if ((m = NOT_FOUND.matcher(e)).find()) {
            return "gcloud " + command + " found no " + m.group(1) + ": it was deleted already or the project or zone is wrong.";
        }
        return "gcloud " + command + " failed (exit " + exitCode + "): " + firstError(e);
    }

    private static String last(String path) { return path.substring(path.lastIndexOf('/') + 1); }

    /** The first ERROR line without gcloud's "(gcloud.x.y)" prefix, plus the next detail line. */
    static String firstError(String e) {
        String[] lines = e.strip().split("\\R");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith("ERROR:")) {
                String s = lines[i].replaceFirst("^ERROR:\\s*(\\([^)]*\\))?\\s*", "");
                if (i + 1 < lines.length && (s.endsWith(":") || s.isEmpty())) s = (s + " " + lines[i + 1].strip()).strip();
                return s.endsWith(".") ? s : s + ".";
            }
        }
        String l = lines.length == 0 || lines[lines.length - 1].isBlank() ? "no message" : lines[lines.length - 1].strip();
        return l.endsWith(".") ? l : l + ".";
    }
}
