package io.failoverlab.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Separate "machines" for a multi-host test on one box: Linux network namespaces, each with its
 * own address in 10.231.X.0/24 (X chosen at random among the subnets not routed here yet), all
 * joined by a bridge that lives in a namespace of its own. The test JVM (root namespace) gets one
 * veth into that bridge with 10.231.X.1, so it reaches every namespace; nothing else is touched:
 * no other address, no forwarding, no NAT. Needs root and iproute2.
 *
 * <p>Everything made is remembered and removed by {@link #close()} (also after a failure half way):
 * processes still inside our namespaces (listed by {@code ip netns pids}, so only ones started in
 * them) are killed by PID, the namespaces deleted (which deletes their veths and the bridge), and
 * the root veth deleted.
 */
public final class NetNamespaces implements AutoCloseable {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final String tag;
    private final int subnet;
    private final String bridgeNs;
    private final String rootVeth;
    private final Map<String, String> addresses = new LinkedHashMap<>();
    private final List<String> namespaces = new ArrayList<>();
    private boolean rootVethMade;
    private int nextHost = 11;
    private int nextLink;

    private NetNamespaces(String tag, int subnet) {
        this.tag = tag;
        this.subnet = subnet;
        this.bridgeNs = "fl" + tag + "-br";
        this.rootVeth = "fl" + tag + "r";
    }

    /** Namespaces named fl&lt;tag&gt;-&lt;name&gt; for each name, with 10.231.X.11, .12, … in order. */
    public static synchronized NetNamespaces create(String... names) throws IOException {
        String tag = Integer.toHexString(0x1000 + RANDOM.nextInt(0xefff));
        NetNamespaces n = new NetNamespaces(tag, freeSubnet());
        try {
            n.build(names);
            return n;
        } catch (IOException | RuntimeException e) {
            n.close();
            throw e;
        }
    }

    public String namespace(String name) { return "fl" + tag + "-" + name; }

    public String address(String name) {
        String a = addresses.get(name);
        if (a == null) throw new IllegalArgumentException("no namespace " + name);
        return a;
    }

    /** The root namespace's own address on the bridge (where the JVM's connections come from). */
    public String rootAddress() { return "10.231." + subnet + ".1"; }

    public String cidr() { return "10.231." + subnet + ".0/24"; }

    private void build(String... names) throws IOException {
        ip("netns", "add", bridgeNs);
        namespaces.add(bridgeNs);
        ip("-n", bridgeNs, "link", "set", "lo", "up");
        ip("-n", bridgeNs, "link", "add", "br0", "type", "bridge");
        ip("-n", bridgeNs, "link", "set", "br0", "up");
        for (String name : names) add(name);
        ip("link", "add", rootVeth, "type", "veth", "peer", "name", "fl" + tag + "p", "netns", bridgeNs);
        rootVethMade = true;
        ip("-n", bridgeNs, "link", "set", "fl" + tag + "p", "master", "br0");
        ip("-n", bridgeNs, "link", "set", "fl" + tag + "p", "up");
        ip("addr", "add", rootAddress() + "/24", "dev", rootVeth);
        ip("link", "set", rootVeth, "up");
    }

    /** One more namespace on the bridge (a VM booted later), with the next free address. */
    public synchronized String add(String name) throws IOException {
        if (addresses.containsKey(name)) throw new IllegalArgumentException("namespace " + name + " exists");
        if (nextHost > 254) throw new IOException("no address left in " + cidr());
        String ns = namespace(name);
        String addr = "10.231." + subnet + "." + nextHost++;
        int i = nextLink++;
        String inner = "fl" + tag + "i" + i;
        String outer = "fl" + tag + "o" + i;
        ip("netns", "add", ns);
        namespaces.add(ns);
        ip("-n", ns, "link", "set", "lo", "up");
        // made inside the namespace, the pair never appears in the root namespace
        ip("-n", ns, "link", "add", inner, "type", "veth", "peer", "name", outer, "netns", bridgeNs);
        ip("-n", ns, "addr", "add", addr + "/24", "dev", inner);
        ip("-n", ns, "link", "set", inner, "up");
        ip("-n", bridgeNs, "link", "set", outer, "master", "br0");
        ip("-n", bridgeNs, "link", "set", outer, "up");
        addresses.put(name, addr);
        return addr;
    }

    /** Kills (SIGKILL, by PID) every process started inside that namespace: a power cut. */
    public void killAll(String name) throws IOException {
        String ns = namespace(name);
        for (int round = 0; round < 20; round++) {
            String pids = run(List.of("ip", "netns", "pids", ns)).strip();
            if (pids.isEmpty()) return;
            for (String pid : pids.split("\\s+")) run(List.of("kill", "-9", pid.strip()), true);
            sleepMs(50);
        }
        throw new IOException("processes still run in " + ns + " after SIGKILL");
    }

    /** Kills what runs there and deletes the namespace (its veth goes with it). */
    public synchronized void remove(String name) throws IOException {
        killAll(name);
        ip("netns", "del", namespace(name));
        namespaces.remove(namespace(name));
        addresses.remove(name);
    }

    /** Runs a command inside a namespace, returning its output; throws when it fails. */
    public String exec(String name, String... argv) throws IOException {
        List<String> a = new ArrayList<>(List.of("ip", "netns", "exec", namespace(name)));
        a.addAll(List.of(argv));
        return run(a);
    }

    @Override
    public void close() {
        for (String ns : namespaces) {
            try {
                for (String pid : run(List.of("ip", "netns", "pids", ns)).split("\\s+")) {
                    if (!pid.isBlank()) run(List.of("kill", "-9", pid.strip()));
                }
            } catch (IOException ignored) {
                // gone already
            }
        }
        for (String ns : namespaces) {
            try {
                ip("netns", "del", ns);
            } catch (IOException ignored) {
                // gone already
            }
        }
        namespaces.clear();
        if (rootVethMade) {
            try {
                // normally gone with its peer's namespace
                if (!run(List.of("ip", "-o", "link", "show")).contains(rootVeth + "@")) return;
                ip("link", "del", rootVeth);
            } catch (IOException ignored) {
                // gone already
            }
        }
    }

    private static void sleepMs(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A 10.231.X.0/24 that no route of the root namespace mentions yet. */
    private static int freeSubnet() throws IOException {
        String routes = run(List.of("ip", "-4", "route", "show", "table", "all"));
        for (int tries = 0; tries < 200; tries++) {
            int x = 2 + RANDOM.nextInt(250);
            if (!routes.contains("10.231." + x + ".")) return x;
        }
        throw new IOException("no free 10.231.X.0/24 subnet");
    }

    private static void ip(String... argv) throws IOException {
        List<String> a = new ArrayList<>();
        a.add("ip");
        a.addAll(List.of(argv));
        run(a);
    }

    private static String run(List<String> argv) throws IOException { return run(argv, false); }

    /** lenient: a failure (e.g. kill of a process that just ended) is not an error. */
    private static String run(List<String> argv, boolean lenient) throws IOException {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", argv) + " did not finish");
            }
            if (p.exitValue() != 0 && !lenient) throw new IOException(String.join(" ", argv) + " failed: " + out.strip());
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
