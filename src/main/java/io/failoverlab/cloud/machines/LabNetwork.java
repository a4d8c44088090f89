package io.failoverlab.cloud.machines;

import io.failoverlab.lab.LabException;
import io.failoverlab.lab.Msg;

import java.time.Duration;
import java.util.List;

/**
 * A lab's own network on this computer: a bridge with this computer's end at 10.A.B.1, and for each
 * machine a network namespace holding one end of a veth pair (eth0, 10.A.B.11, .12, ...) whose other
 * end is on the bridge. No forwarding and no NAT: the machines reach this computer (SSH in, the apt
 * proxy out) and each other, nothing else. Names carry the lab's tag, so labs never share one.
 */
public final class LabNetwork {
    private static final Duration IP = Duration.ofSeconds(30);
    private final String tag;
    private final String subnet;

    /** @param subnet "10.A.B" (the /24's first three octets) */
    public LabNetwork(String tag, String subnet) {
        this.tag = tag;
        this.subnet = subnet;
    }

    public String tag() { return tag; }

    public String cidr() { return subnet + ".0/24"; }

    public String bridge() { return "flm" + tag; }

    /** This computer's address on the bridge: where SSH comes from and the apt proxy listens. */
    public String hostAddress() { return subnet + ".1"; }

    public String address(int index) { return subnet + "." + (11 + index); }

    public String namespace(String hostId) { return "flm" + tag + "-" + hostId; }

    private String hostVeth(int index) { return "flm" + tag + "h" + index; }

    /**
     * A /24 for a new lab: the wanted one (refused when a route of this computer already uses it), or
     * the first free one from a starting point derived from the lab's tag.
     */
    public static String chooseSubnet(String wanted, int seed) {
        String routes = RootCommands.run(IP, "ip", "-4", "route", "show", "table", "all");
        if (wanted != null) {
            String prefix = wanted.replaceFirst("\\.0/24$", "");
            if (routes.contains(prefix + ".")) {
                throw new LabException(Msg.of("machines.subnetInUse", wanted, routeOf(routes, prefix)));
            }
            return prefix;
        }
        for (int i = 0; i < 2000; i++) {
            int n = Math.floorMod(seed + i, 40 * 256);
            String prefix = "10." + (200 + n / 256) + "." + (n % 256);
            if (!routes.contains(prefix + ".")) return prefix;
        }
        throw new LabException(Msg.of("machines.noSubnet"));
    }

    private static String routeOf(String routes, String prefix) {
        for (String l : routes.split("\n")) if (l.contains(prefix + ".")) return "route: " + l.strip();
        return "a route names it";
    }

    public boolean bridgeExists() {
        return RootCommands.succeeds(IP, "ip", "link", "show", bridge());
    }

    /** Makes the bridge and each host's namespace and link; what exists already is kept. */
    public void create(List<String> hostIds) {
        if (!bridgeExists()) {
            RootCommands.run(IP, "ip", "link", "add", bridge(), "type", "bridge");
            RootCommands.run(IP, "ip", "addr", "add", hostAddress() + "/24", "dev", bridge());
            RootCommands.run(IP, "ip", "link", "set", bridge(), "up");
        }
        for (int i = 0; i < hostIds.size(); i++) {
            String ns = namespace(hostIds.get(i));
            if (RootCommands.succeeds(IP, "ip", "-n", ns, "link", "show", "eth0")) continue;
            if (!RootCommands.succeeds(IP, "ip", "netns", "exec", ns, "true")) RootCommands.run(IP, "ip", "netns", "add", ns);
            RootCommands.run(IP, "ip", "-n", ns, "link", "set", "lo", "up");
            RootCommands.run(IP, "ip", "link", "add", hostVeth(i), "type", "veth", "peer", "name", "eth0", "netns", ns);
            RootCommands.run(IP, "ip", "link", "set", hostVeth(i), "master", bridge());
            RootCommands.run(IP, "ip", "link", "set", hostVeth(i), "up");
            RootCommands.run(IP, "ip", "-n", ns, "addr", "add", address(i) + "/24", "dev", "eth0");
            RootCommands.run(IP, "ip", "-n", ns, "link", "set", "eth0", "up");
        }
    }

    /**
     * Deletes each host's veth pair, its namespace and the bridge; returns what went. The veth goes
     * first, by name: a namespace is freed by the kernel only after its last process is gone, so
     * its veth could outlive `ip netns del` by seconds (seen: left over right after down --destroy).
     */
    public List<String> destroy(List<String> hostIds) {
        List<String> gone = new java.util.ArrayList<>();
        for (int i = 0; i < hostIds.size(); i++) {
            String ns = namespace(hostIds.get(i));
            if (RootCommands.succeeds(IP, "ip", "link", "show", hostVeth(i))) RootCommands.succeeds(IP, "ip", "link", "del", hostVeth(i));
            if (RootCommands.succeeds(IP, "ip", "netns", "del", ns)) gone.add("network namespace " + ns);
        }
        if (bridgeExists()) {
            RootCommands.run(IP, "ip", "link", "del", bridge());
            gone.add("bridge " + bridge());
        }
        return gone;
    }

    /** Process ids still inside a host's namespace (none once its machine is off). */
    public List<Long> pids(String hostId) {
        String out = RootCommands.succeeds(IP, "ip", "netns", "exec", namespace(hostId), "true")
                ? RootCommands.run(IP, "ip", "netns", "pids", namespace(hostId)) : "";
        return java.util.Arrays.stream(out.split("\\s+")).filter(s -> !s.isBlank()).map(Long::parseLong).toList();
    }
}
