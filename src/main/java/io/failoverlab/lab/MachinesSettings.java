package io.failoverlab.lab;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A "machines on this computer" lab's settings (the "machines" object of a lab profile): Debian
 * machines booted with systemd-nspawn, one per role or one for all (docs/architecture.md, "Machines").
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class MachinesSettings {
    /** Debian release → codename and the PostgreSQL major its archive carries pg_auto_failover for. */
    public record Release(String codename, int postgresMajor, String pgafVersion) { }

    public static final Map<String, Release> RELEASES = Map.of(
            "12", new Release("bookworm", 15, "2.0"),
            "13", new Release("trixie", 17, "2.2"));
    private static final Pattern SUBNET = Pattern.compile("10\\.(\\d{1,3})\\.(\\d{1,3})\\.0/24");
    private static final Pattern USER = Pattern.compile("[a-z_][a-z0-9_-]{0,31}");

    /** "12" (bookworm) or "13" (trixie). */
    public String debian = "13";
    public Layout layout = Layout.PER_ROLE;
    /** The lab bridge's range, 10.A.B.0/24; null = one derived from the lab's id that no route here uses. */
    public String subnet;
    /** Login made on each machine, with the lab's key and password-less sudo (as on a cloud VM). */
    public String user = "student";
    /** Where the machines' disks and state live; null = /var/lib/failover-lab/machines. */
    public String stateDir;
    /** Where the Debian images are cached; null = $FAILOVER_LAB_IMAGE_CACHE or /var/cache/failover-lab/images. */
    public String imageCache;
    /** How long a machine may take from boot until SSH answers. */
    public int bootWaitSeconds = 90;

    @JsonIgnore
    public Release release() { return RELEASES.get(debian); }

    public MachinesSettings copy() {
        return LabProfiles.JSON.convertValue(LabProfiles.JSON.valueToTree(this), MachinesSettings.class);
    }

    public List<String> problems() {
        List<String> p = new ArrayList<>();
        if (release() == null) {
            p.add("Debian " + debian + " is not offered for machines on this computer: use 12 (bookworm: PostgreSQL 15,"
                    + " pg_auto_failover 2.0) or 13 (trixie: PostgreSQL 17, pg_auto_failover 2.2).");
        }
        if (layout == null) p.add("The machines layout is missing: use single or per-role.");
        if (subnet != null) {
            var m = SUBNET.matcher(subnet);
            if (!m.matches() || Integer.parseInt(m.group(1)) > 255 || Integer.parseInt(m.group(2)) > 255) {
                p.add("Machines subnet '" + subnet + "' is not a range like 10.232.7.0/24.");
            }
        }
        if (user == null || !USER.matcher(user).matches() || "root".equals(user)) {
            p.add("Machine login '" + user + "' is not valid: a lowercase login name other than root.");
        }
        if (bootWaitSeconds < 5) p.add("The machines' boot wait must be at least 5 seconds.");
        return p;
    }
}
