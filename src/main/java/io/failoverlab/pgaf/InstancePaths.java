package io.failoverlab.pgaf;

import io.failoverlab.lab.InstanceSpec;
import io.failoverlab.lab.LabSpec;

/** Where an instance keeps its files on its host: PGDATA, the keeper's pid file and log. */
public record InstancePaths(String pgdata, String pidFile, String logFile) {
    public static InstancePaths of(LabSpec lab, InstanceSpec inst) {
        String base = lab.dataDir + "/" + inst.name;
        return new InstancePaths(base, lab.dataDir + "/" + inst.name + ".keeper.pid",
                lab.dataDir + "/" + inst.name + ".keeper.log");
    }
}
