package io.failoverlab.engine;

import io.failoverlab.testing.ClusterTest;
import io.failoverlab.lab.ClusterSnapshot;
import io.failoverlab.lab.LabSpec;
import io.failoverlab.lab.NodeState;
import io.failoverlab.lab.StepResult;
import io.failoverlab.remote.LocalShell;
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
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A real pg_auto_failover cluster on loopback through LocalShell: up, up again, down --destroy. */
@ClusterTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalClusterTest {
    LabSpec lab;
    LabEngine engine;

    @BeforeAll
    void setUp() {
        lab = TestLabs.localLab("local-it");
        engine = new LabEngine(lab, h -> new LocalShell(), EngineListener.NONE);
    }

    @AfterAll
    void tearDown() {
        engine.down(true);
        engine.close();
        TestLabs.deleteTree(Path.of(lab.dataDir).getParent());
    }

    @Test
    @Order(1)
    void upReachesPrimaryAndSecondary() {
        List<StepResult> steps = engine.up();
        assertTrue(steps.stream().allMatch(StepResult::ok), () -> "steps: " + steps);
        assertEquals(List.of("preflight", "install", "monitor", "node1", "node2", "verify"),
                steps.stream().map(StepResult::name).toList());
        ClusterSnapshot s = engine.stateFromShell();
        assertTrue(s.converged(), s.summary());
        assertEquals(1, s.count(NodeState.PRIMARY));
        assertEquals(1, s.count(NodeState.SECONDARY));
        System.out.printf("BENCH up to primary/secondary: %.1f s%n", steps.stream().mapToDouble(StepResult::seconds).sum());
    }

    @Test
    @Order(2)
    void upAgainChangesNothing() {
        ClusterSnapshot before = engine.stateFromShell();
        List<StepResult> steps = engine.up();
        assertTrue(steps.stream().allMatch(StepResult::ok), () -> "steps: " + steps);
        assertTrue(steps.stream().filter(s -> s.name().startsWith("node") || s.name().equals("monitor"))
                .allMatch(s -> s.message().contains("already created")), () -> "steps: " + steps);
        ClusterSnapshot after = engine.stateFromShell();
        assertEquals(before.nodes().stream().map(n -> n.name() + n.nodeId() + n.reportedState()).toList(),
                after.nodes().stream().map(n -> n.name() + n.nodeId() + n.reportedState()).toList());
    }

    @Test
    @Order(3)
    void upResumesAfterAStoppedKeeper() throws Exception {
        // a node whose keeper was stopped (as after a failed run) is started again by up
        engine.stopKeeper(lab.nodes.get(1));
        List<StepResult> steps = engine.up();
        assertTrue(steps.stream().allMatch(StepResult::ok), () -> "steps: " + steps);
        assertTrue(engine.stateFromShell().converged());
    }

    @Test
    @Order(4)
    void downDestroyRemovesEverything() throws Exception {
        List<StepResult> steps = engine.down(true);
        assertTrue(steps.stream().allMatch(StepResult::ok), () -> "steps: " + steps);
        assertFalse(Files.exists(Path.of(lab.dataDir, "node1")));
        assertFalse(Files.exists(Path.of(lab.dataDir, "monitor")));
        assertFalse(engine.keeper("local").isRunning(engine.shells().host("local"), engine.paths(lab.monitor), engine.unitName(lab.monitor)));
    }
}
