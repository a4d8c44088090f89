package io.failoverlab.lab;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the lab's instances run: all on one machine (the original exercise), or one machine per
 * role, which a real failover demonstration needs (a stopped VM takes only its own role down).
 */
public enum Layout {
    SINGLE("single"),
    PER_ROLE("per-role");

    private final String id;

    Layout(String id) { this.id = id; }

    @JsonValue
    public String id() { return id; }

    @JsonCreator
    public static Layout parse(String s) {
        for (Layout l : values()) if (l.id.equalsIgnoreCase(s) || l.name().equalsIgnoreCase(s)) return l;
        throw new LabException(Msg.of("layout.unknown", String.valueOf(s)));
    }

    /** Host ids this layout needs for the lab's instances: "vm", or one per instance name. */
    public List<String> hostIds(LabSpec lab) {
        if (this == SINGLE) return List.of("vm");
        List<String> ids = new ArrayList<>();
        for (InstanceSpec i : lab.instances()) ids.add(i.name);
        return ids;
    }

    /** Points every instance at its host id (the provider fills in the hosts themselves). */
    public void assign(LabSpec lab) {
        for (InstanceSpec i : lab.instances()) i.host = this == SINGLE ? "vm" : i.name;
    }
}
