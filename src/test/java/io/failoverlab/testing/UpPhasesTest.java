package io.failoverlab.testing;

import io.failoverlab.lab.Msg;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The phases of `up` read back from its printed steps, for both providers' provision messages. */
class UpPhasesTest {
    private static final String STEPS = "✓ preflight   1.2 s  3 host(s) ready\n✓ install    20.5 s  packages\n✓ monitor     3.0 s  up\n"
            + "✓ node1       4.2 s  primary\n✓ verify      0.5 s  converged\n";

    @Test
    void gceProvisionPhasesThenTheEngineSteps() {
        Msg said = Msg.of("gce.provisioned", 3, "us-central1-a", "per-role", Msg.of("gce.created", 3),
                Msg.of("gce.firewall.done", Msg.of("step.join", Msg.of("gce.firewall.sshFrom", "10.0.0.1/32"),
                        Msg.of("gce.firewall.pg", "tcp:5432"))), 3, 9.04, 1.5, 4.26, 2.0, 1.1, 1.29);
        assertEquals("check=1.5 s instances=4.3 s host_keys=2.0 s firewall=1.1 s ssh=1.3 s provision=9.1 s preflight=1.2 s "
                + "packages=20.5 s monitor=3.0 s node1=4.2 s verify=0.5 s", UpPhases.of("✓ provision   9.1 s  " + said.english() + "\n" + STEPS));
    }

    @Test
    void machinesProvisionPhases() {
        Msg said = Msg.of("machines.provisioned", 3, "13", "per-role", "10.77.0.0/24", 3, 3, 8.0, 0.1, 0.4, 1.0, 2.0, 4.5);
        assertEquals("image=0.1 s network=0.4 s disks=1.0 s boot=2.0 s ssh=4.5 s provision=8.0 s preflight=1.2 s packages=20.5 s "
                + "monitor=3.0 s node1=4.2 s verify=0.5 s", UpPhases.of("✓ provision   8.0 s  " + said.english() + "\n" + STEPS));
    }
}
