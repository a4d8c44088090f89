package io.failoverlab.lab;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

public enum SslMode {
    SELF_SIGNED("self-signed"), NONE("none");

    private final String id;

    SslMode(String id) { this.id = id; }

    @JsonValue
    public String id() { return id; }

    @JsonCreator
    public static SslMode parse(String s) {
        for (SslMode m : values()) if (m.id.equalsIgnoreCase(s)) return m;
        throw new LabException(Msg.of("ssl.unknown", String.valueOf(s)));
    }
}
