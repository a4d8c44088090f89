package io.failoverlab.ui.data;

import io.failoverlab.check.PgNode;
import io.failoverlab.lab.LabSpec;
import io.failoverlab.lab.SslMode;
import io.failoverlab.ops.DataConnections;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How a person connects to the lab: the multi-host URI libpq follows to whichever node is
 * primary, and a psql command per node. Made from the lab profile only; no password in them.
 */
public final class ConnectionStrings {
    public record NodeCommand(String node, String address, String psql) { }

    private ConnectionStrings() { }

    /** postgres://h1:p1,h2:p2/db?target_session_attrs=read-write (plus sslmode=require for SSL labs). */
    public static String multiHostUri(LabSpec lab) {
        List<PgNode> nodes = DataConnections.nodes(lab);
        return "postgres://" + user() + "@" + nodes.stream().map(PgNode::address).collect(Collectors.joining(","))
                + "/" + db(lab) + "?target_session_attrs=read-write" + ssl(lab, "&");
    }

    /** One per node: psql straight to that node (it answers read-only when it is a standby). */
    public static List<NodeCommand> psqlCommands(LabSpec lab) {
        return DataConnections.nodes(lab).stream().map(n -> new NodeCommand(n.name(), n.address(),
                "psql \"postgres://" + user() + "@" + n.address() + "/" + db(lab) + ssl(lab, "?") + "\"")).toList();
    }

    /** psql through the multi-host URI: always lands on the primary. */
    public static String psqlPrimary(LabSpec lab) {
        return "psql \"" + multiHostUri(lab) + "\"";
    }

    private static String user() { return "postgres"; }

    private static String db(LabSpec lab) {
        return URLEncoder.encode(lab.database, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String ssl(LabSpec lab, String sep) {
        return lab.ssl == SslMode.SELF_SIGNED ? sep + "sslmode=require" : "";
    }
}
