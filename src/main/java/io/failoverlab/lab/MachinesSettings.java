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

    /** The problems in English; faces render {@link #messages} in their language. */
    public List<String> problems() {
        return messages().stream().map(Msg::english).toList();
    }

    public List<Msg> messages() {
        List<Msg> p = new ArrayList<>();
        if (release() == null) p.add(Msg.of("machines.invalid.debian", String.valueOf(debian)));
        if (layout == null) p.add(Msg.of("machines.invalid.layout"));
        if (subnet != null) {
            var m = SUBNET.matcher(subnet);
            if (!m.matches() || Integer.parseInt(m.group(1)) > 255 || Integer.parseInt(m.group(2)) > 255) {
                p.add(Msg.of("machines.invalid.subnet", subnet));
            }
        }
        if (user == null || !USER.matcher(user).matches() || "root".equals(user)) {
            p.add(Msg.of("machines.invalid.user", String.valueOf(user)));
        }
        if (bootWaitSeconds < 5) p.add(Msg.of("machines.invalid.bootWait"));
        return p;
    }
}
