package io.failoverlab.lab;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** One pg_autoctl instance (the monitor or a data node): where it runs and what it listens on. */
public class InstanceSpec {
    public String name;
    public String host = "local";
    public int port;
    public int candidatePriority = 50;
    public boolean replicationQuorum = true;

    public InstanceSpec() { }

    public InstanceSpec(String name, String host, int port) {
        this.name = name;
        this.host = host;
        this.port = port;
    }

    /** PGDATA of this instance below the lab's data folder. */
    @JsonIgnore
    public String pgdata(LabSpec lab) {
        return lab.dataDir + "/" + name;
    }
}
