package io.failoverlab.lab;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LabSpecTest {
    @Test
    void localDefaultIsTheOriginalExercise() {
        LabSpec lab = LabSpec.localDefault();
        assertEquals(6000, lab.monitor.port);
        assertEquals(6001, lab.nodes.get(0).port);
        assertEquals(6002, lab.nodes.get(1).port);
        assertEquals("ha-demo", lab.database);
        assertEquals("trust", lab.effectiveAuth());
        assertTrue(LabValidator.problems(lab).isEmpty());
    }

    @Test
    void authIsScramAcrossHosts() {
        LabSpec lab = LabSpec.localDefault();
        lab.hosts.add(HostSpec.ssh("vm2", "10.0.0.2", 22, "ubuntu", "/k"));
        lab.nodes.get(1).host = "vm2";
        assertEquals("scram-sha-256", lab.effectiveAuth());
    }

    @Test
    void badInputGetsOneSentenceEach() {
        LabSpec lab = LabSpec.localDefault();
        lab.nodes.get(0).name = "node one";
        lab.nodes.get(1).port = 70000;
        lab.monitor.port = 6001;
        lab.nodes.get(1).port = 70000;
        var p = LabValidator.problems(lab);
        assertTrue(p.stream().anyMatch(s -> s.contains("'node one'") && s.contains("no spaces")), p.toString());
        assertTrue(p.stream().anyMatch(s -> s.contains("70000") && s.contains("out of range")), p.toString());
        LabSpec clash = LabSpec.localDefault();
        clash.nodes.get(1).port = 6001;
        assertTrue(LabValidator.problems(clash).stream().anyMatch(s -> s.contains("given to two instances")));
    }

    @Test
    void profilesRoundTripAndInvalidJsonIsOneSentence() throws Exception {
        Path dir = Files.createTempDirectory("labspec");
        Path f = dir.resolve("lab.json");
        LabSpec lab = LabSpec.local("/srv/lab", 7000, 7001, 7002);
        lab.packageSource = PackageSource.PGDG;
        LabProfiles.save(lab, f);
        LabSpec back = LabProfiles.load(f);
        assertEquals(7002, back.nodes.get(1).port);
        assertEquals(PackageSource.PGDG, back.packageSource);
        assertTrue(Files.readString(f).contains("\"pgdg\""));
        Files.writeString(f, "{ \"name\": \"x\", ");
        LabException e = assertThrows(LabException.class, () -> LabProfiles.load(f));
        assertEquals("Lab file " + f + ", line 1: the file ends too early: a bracket, brace or quote is not closed.", e.getMessage());
        Files.writeString(f, "{ \"name\": \"x\", \"nodes\": [");
        assertEquals("Lab file " + f + ", line 1: the file ends too early: a bracket, brace or quote is not closed.",
                assertThrows(LabException.class, () -> LabProfiles.load(f)).getMessage(), "a truncated array too");
        Files.writeString(f, "{ \"name\": \"x\",\n  \"gce\": {\"layout\": \"sideways\"} }");
        assertEquals("Lab file " + f + ", line 2: unknown layout 'sideways'; use single (one machine, three instances) or per-role"
                + " (one machine per role).", assertThrows(LabException.class, () -> LabProfiles.load(f)).getMessage());
        Files.writeString(f, "{ \"name\": \"x\",\n  \"monitor\": {\"port\": \"many\"} }");
        assertEquals("Lab file " + f + ", line 2: 'many' is not a valid value for monitor.port.",
                assertThrows(LabException.class, () -> LabProfiles.load(f)).getMessage());
        Files.writeString(f, "{ \"name\": \"x\" ]");
        assertEquals("Lab file " + f + ", line 1: this is not valid JSON (check commas, quotes and brackets there).",
                assertThrows(LabException.class, () -> LabProfiles.load(f)).getMessage());
        assertThrows(LabException.class, () -> LabProfiles.load(dir.resolve("missing.json")));
    }

    @Test
    void nodeStateMeaning() {
        assertEquals(NodeState.Connection.READ_WRITE, NodeState.parse("wait_primary").connection());
        assertEquals(NodeState.Connection.READ_ONLY, NodeState.parse("secondary").connection());
        assertEquals(NodeState.Connection.NONE, NodeState.parse("demoted").connection());
        assertEquals(NodeState.UNKNOWN, NodeState.parse("no_such_state"));
    }
}
