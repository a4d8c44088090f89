package io.failoverlab.engine;

import io.failoverlab.testing.ClusterTest;
import io.failoverlab.lab.ClusterSnapshot;
import io.failoverlab.lab.HostSpec;
import io.failoverlab.lab.InstanceSpec;
import io.failoverlab.lab.LabSpec;
import io.failoverlab.lab.StepResult;
import io.failoverlab.remote.HostKeyChangedException;
import io.failoverlab.testing.Sshd;
import io.failoverlab.testing.TestLabs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The same bring-up through SshShell to a real OpenSSH server on a loopback port: every
 * command (install check, pg_autoctl as postgres via runuser, keeper start) crosses SSH.
 */
@ClusterTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SshClusterTest {
    Sshd sshd;
    LabSpec lab;
    Path root;
    Path knownHosts;
    final List<String> firstContacts = new ArrayList<>();

    @BeforeAll
    void setUp() throws Exception {
        sshd = Sshd.start();
        root = TestLabs.tempRoot("failoverlab-ssh-");
        knownHosts = root.resolve("known_hosts");
        lab = LabSpec.local(root.resolve("lab").toString(), TestLabs.freePort(), TestLabs.freePort(), TestLabs.freePort());
        lab.name = "ssh-it";
        lab.hosts.clear();
        lab.hosts.add(HostSpec.ssh("vm1", sshd.host(), sshd.port(), sshd.user(), sshd.clientKey().toString()));
        for (InstanceSpec i : lab.instances()) i.host = "vm1";
    }

    LabEngine engine() {
        return new LabEngine(lab, Shells.factory(knownHosts, (h, t, fp) -> firstContacts.add(h + " " + fp)), EngineListener.NONE);
    }

    @AfterAll
    void tearDown() throws Exception {
        // the host-key test leaves the server with a new key on purpose: tear down through a
        // fresh known_hosts, or every step would be refused and the lab left running
        Files.deleteIfExists(knownHosts);
        List<StepResult> down;
        try (LabEngine e = engine()) {
            down = e.down(true);
        }
        sshd.close();
        TestLabs.deleteTree(root);
        assertTrue(down.stream().allMatch(StepResult::ok), () -> "teardown: " + down);
    }

    @Test
    @Order(1)
    void upOverSsh() {
        try (LabEngine engine = engine()) {
            List<StepResult> steps = engine.up();
            assertTrue(steps.stream().allMatch(StepResult::ok), () -> "steps: " + steps + "\nsshd: " + sshd.log());
            ClusterSnapshot s = engine.stateFromShell();
            assertTrue(s.converged(), s.summary());
            assertEquals("trust", lab.effectiveAuth(), "one host: trust");
            System.out.printf("BENCH up over SSH to primary/secondary: %.1f s%n", steps.stream().mapToDouble(StepResult::seconds).sum());
        }
        assertEquals(1, firstContacts.size(), firstContacts.toString());
        assertTrue(firstContacts.get(0).contains("SHA256:"), firstContacts.toString());
    }

    @Test
    @Order(2)
    void secondUpOverSshChangesNothing() {
        try (LabEngine engine = engine()) {
            List<StepResult> steps = engine.up();
            assertTrue(steps.stream().allMatch(StepResult::ok), () -> "steps: " + steps);
            assertTrue(steps.stream().filter(s -> s.name().startsWith("node")).allMatch(s -> s.message().contains("already created")));
            // JDBC to the monitor through an SSH port forward, as for a monitor on a VM
            ClusterSnapshot viaTunnel = engine.status();
            assertTrue(viaTunnel.converged(), viaTunnel.summary());
            assertTrue(viaTunnel.nodes().get(0).reportLagSeconds() >= 0, "lags come from the SQL path");
        }
        assertEquals(1, firstContacts.size(), "the key is known now: no second first contact");
    }

    @Test
    @Order(3)
    void changedHostKeyIsRefused() throws Exception {
        String before = sshd.hostKeyFingerprint();
        sshd.regenerateHostKey();
        String after = sshd.hostKeyFingerprint();
        try (LabEngine engine = engine()) {
            List<StepResult> steps = engine.up();
            StepResult last = steps.get(steps.size() - 1);
            assertFalse(last.ok());
            assertEquals("preflight", last.name());
            assertTrue(last.message().contains(before) && last.message().contains(after), last.message());
            assertTrue(last.message().contains(sshd.host()), last.message());
        }
        // the refusal must come from the known_hosts check itself
        try (LabEngine engine = engine()) {
            Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                    () -> engine.shells().host("vm1").run(io.failoverlab.remote.Command.of("true")));
            assertTrue(e instanceof HostKeyChangedException || e.getCause() instanceof HostKeyChangedException, e.toString());
        }
    }
}
