package io.failoverlab.ops;

import io.failoverlab.engine.LabEngine;
import io.failoverlab.lab.InstanceSpec;

import java.io.IOException;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The partition probe a Partition started of its own, kept running per engine until Heal stops
 * and verifies it (in the window both run on one engine; a CLI process ends with its partition).
 */
final class PartitionProbes {
    private static final Map<LabEngine, PartitionProbe> RUNNING = Collections.synchronizedMap(new WeakHashMap<>());

    private PartitionProbes() { }

    /** The running probe of this engine for that node, or a new one, started. */
    static PartitionProbe startFor(LabEngine engine, InstanceSpec inst) throws IOException, InterruptedException {
        synchronized (RUNNING) {
            PartitionProbe p = RUNNING.get(engine);
            if (p != null && p.main().isRunning() && p.isolatedNode().equals(engine.dataNode(inst))) return p;
            if (p != null) p.stop();
            p = new PartitionProbe(Partition.others(engine, inst), engine.dataNode(inst), DataConnections.settings(engine.spec())).start();
            RUNNING.put(engine, p);
            return p;
        }
    }

    /** The probe left running by a partition on this engine, removed from the registry; null when none. */
    static PartitionProbe take(LabEngine engine) {
        return RUNNING.remove(engine);
    }
}
