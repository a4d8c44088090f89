package io.failoverlab.cloud.machines;

import org.junit.jupiter.api.parallel.ResourceLock;
import io.failoverlab.testing.MachineLabs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The same on Debian 12 machines (pg_auto_failover 2.0, PostgreSQL 15, what a Debian 12 cloud image
 * gets): up, a switchover, a power cut of the primary's machine and the failover it causes, power on
 * and rejoin, destroy. Through the CLI, with the fast timing profile.
 */
@Tag("cluster")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ResourceLock("machines")
class MachinesBookwormTest {
    MachineLabs m;
    String tag;

    @BeforeAll
    void setUp() throws IOException {
        m = new MachineLabs("machines-12", "12", "per-role");
    }

    @AfterAll
    void tearDown() {
        if (m != null) m.close();
    }

    @Test
    @Order(1)
    void upAndSwitchover() throws Exception {
        long t0 = System.nanoTime();
        MachineLabs.Run up = m.cli("up");
        assertEquals(0, up.code(), up.all());
        System.out.printf("BENCH machines debian=12 up on 3 machines: %.1f s%n", (System.nanoTime() - t0) / 1e9);
        System.out.println("BENCH machines debian=12 up phases (baking: the package image, when it was made now): "
                + MachineLabs.upPhases(up.out()));
        System.out.println("BENCH machines debian=12 disk per machine (its overlay layer, du): " + MachineLabs.diskMegabytes(up.out()) + " MB");
        tag = m.tag();
        assertEquals(3, m.overlayMounts().size(), String.join("\n", m.overlayMounts()));
        assertTrue(up.out().contains("pg_auto_failover 2.0") && up.out().contains("PostgreSQL 15"), up.out());
        MachineLabs.Run fast = m.cli("profile", "fast");
        assertEquals(0, fast.code(), fast.all());
        MachineLabs.Run sw = m.cli("switchover");
        assertEquals(0, sw.code(), sw.all());
        assertTrue(sw.out().matches("(?s).*node1 .*secondary.*") && sw.out().matches("(?s).*node2 .*primary.*"), sw.out());
    }

    @Test
    @Order(2)
    void aPowerCutOfThePrimaryMachineFailsOverAndPowerOnRejoins() throws Exception {
        MachineLabs.Run kill = m.cli("kill-primary", "--mode", "vm");
        assertEquals(0, kill.code(), kill.all());
        assertTrue(kill.out().contains("Cut the power of node2's machine"), kill.out());
        double failover = figure(kill.out(), "failoverSeconds");
        assertTrue(failover > 0, kill.out());
        MachineLabs.Run states = m.cli("status");
        assertTrue(states.out().matches("(?s).*node1 .*primary.*"), states.out());
        MachineLabs.Run on = m.cli("start-node", "node2");
        assertEquals(0, on.code(), on.all());
        assertTrue(on.out().contains("Powered on node2's machine"), on.out());
        Matcher conv = Pattern.compile("converged after ([0-9.]+) s").matcher(on.out());
        assertTrue(conv.find(), on.out());
        double rejoin = Double.parseDouble(conv.group(1));
        MachineLabs.Run after = m.cli("status");
        assertTrue(after.out().matches("(?s).*node2 .*secondary.*"), after.out());
        System.out.printf("BENCH machines debian=12 fast: failover after a power cut %.2f s (expected %.1f s), rejoin after power on %.2f s%n",
                failover, figure(kill.out(), "expectedFailoverSeconds"), rejoin);
    }

    @Test
    @Order(3)
    void destroyLeavesNothing() throws Exception {
        if (tag == null) tag = m.tag();
        MachineLabs.Run r = m.cli("down", "--destroy");
        assertEquals(0, r.code(), r.all());
        assertEquals(List.of(), m.leftovers());
        assertEquals(List.of(), m.overlayMounts(), "a machine's layer is still mounted");
        assertEquals(List.of(), MachineLabs.netLeftovers(tag));
        assertTrue(new BakedImage(MachinesProvider.imageCache(m.lab.machines)).cached(m.lab.machines.release()),
                "the image with the packages baked in must stay");
    }

    static double figure(String out, String name) {
        Matcher x = Pattern.compile("\\b" + name + "\\s+([0-9.]+)").matcher(out);
        assertTrue(x.find(), name + " missing in:\n" + out);
        return Double.parseDouble(x.group(1));
    }
}
