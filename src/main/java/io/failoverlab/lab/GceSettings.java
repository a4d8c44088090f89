package io.failoverlab.lab;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A Google Compute Engine lab's settings (the "gce" object of a lab profile). No credential is
 * part of it: gcloud's own login is used.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class GceSettings {
    /** Image family → its image project; Debian 12 or a current Ubuntu LTS (not the EOL 18.04). */
    public static final Map<String, String> IMAGES = Map.of(
            "debian-12", "debian-cloud",
            "ubuntu-2404-lts-amd64", "ubuntu-os-cloud",
            "ubuntu-2204-lts", "ubuntu-os-cloud");
    private static final Pattern PROJECT = Pattern.compile("[a-z][-a-z0-9]{4,28}[a-z0-9]");
    private static final Pattern ZONE = Pattern.compile("[a-z]+-[a-z]+[0-9]+-[a-z]");
    private static final Pattern MACHINE = Pattern.compile("[a-z][a-z0-9]*-[a-z0-9-]+");
    private static final Pattern USER = Pattern.compile("[a-z_][a-z0-9_-]{0,31}");
    private static final Pattern CIDR = Pattern.compile("(\\d{1,3}\\.){3}\\d{1,3}/\\d{1,2}");

    /** null = gcloud's configured project (`gcloud config get-value project`). */
    public String project;
    public String zone = "us-central1-a";
    public String machineType = "e2-medium";
    /** Image family (see IMAGES). */
    public String image = "debian-12";
    public Layout layout = Layout.PER_ROLE;
    /** Login created by the guest agent from the ssh-keys metadata; gets password-less sudo. */
    public String user = "student";
    public String network = "default";
    public int bootDiskGb = 20;
    public String diskType = "pd-balanced";
    /** SSH port of the VMs (22 on GCE images). */
    public int sshPort = 22;
    /** Who may reach the VMs over SSH (CIDR); null = this desktop's public address, detected. */
    public String sshFrom;
    /** The gcloud executable; null = found on PATH (gcloud.cmd on Windows). */
    public String gcloud;
    /** Remind the user after the lab has run this long (students forget VMs). */
    public double reminderHours = 3;
    /** How long to wait for SSH on new VMs (gce.md: 60-120 s typical, 5 min bound). */
    public int sshWaitSeconds = 300;

    @JsonIgnore
    public String imageProject() { return IMAGES.get(image); }

    /** us-central1-a → us-central1 */
    @JsonIgnore
    public String region() {
        return zone == null ? null : zone.replaceFirst("-[a-z]$", "");
    }

    /** Checked before anything is created; one sentence per problem. */
    /** The problems in English; faces render {@link #messages} in their language. */
    public List<String> problems() {
        return messages().stream().map(Msg::english).toList();
    }

    public List<Msg> messages() {
        List<Msg> p = new ArrayList<>();
        if (project != null && !PROJECT.matcher(project).matches()) p.add(Msg.of("gce.invalid.project", project));
        if (zone == null || !ZONE.matcher(zone).matches()) p.add(Msg.of("gce.invalid.zone", String.valueOf(zone)));
        if (machineType == null || !MACHINE.matcher(machineType).matches()) {
            p.add(Msg.of("gce.invalid.machineType", String.valueOf(machineType)));
        }
        if (image == null || !IMAGES.containsKey(image)) p.add(Msg.of("gce.invalid.image", String.valueOf(image)));
        if (layout == null) p.add(Msg.of("gce.invalid.layout"));
        if (user == null || !USER.matcher(user).matches()) p.add(Msg.of("gce.invalid.user", String.valueOf(user)));
        if (bootDiskGb < 10 || bootDiskGb > 2000) p.add(Msg.of("gce.invalid.bootDisk", bootDiskGb));
        if (sshFrom != null && !CIDR.matcher(sshFrom).matches()) p.add(Msg.of("gce.invalid.sshFrom", sshFrom));
        if (sshPort < 1 || sshPort > 65535) p.add(Msg.of("gce.invalid.sshPort", sshPort));
        if (sshWaitSeconds < 5) p.add(Msg.of("gce.invalid.sshWait"));
        return p;
    }

    public GceSettings copy() {
        return LabProfiles.JSON.convertValue(LabProfiles.JSON.valueToTree(this), GceSettings.class);
    }
}
