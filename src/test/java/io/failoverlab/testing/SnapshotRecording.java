package io.failoverlab.testing;

import io.failoverlab.lab.ClusterSnapshot;
import io.failoverlab.lab.FormationSettings;
import io.failoverlab.lab.NodeState;
import io.failoverlab.lab.NodeStatus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The monitor's snapshots during one operation of a real run, as text: one line a snapshot,
 * milliseconds since the first, then the formation's settings and each node's row. Recorded by
 * the cluster tests (ThreeNodeOperationsTest writes target/recordings/), kept as test resources,
 * replayed by the unit tests of ops/ without PostgreSQL.
 * <pre>
 * # what the operation was
 * ms	nss	ssn	unhealthy	name:id:reported:assigned:health:reportLag:priority:quorum ...
 * </pre>
 */
public record SnapshotRecording(String title, List<ClusterSnapshot> snapshots) {
    private static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

    public ClusterSnapshot before() { return snapshots.get(0); }

    /** Everything after the first (the state before the operation). */
    public List<ClusterSnapshot> after() { return snapshots.subList(1, snapshots.size()); }

    public static SnapshotRecording read(Path file) throws IOException {
        List<ClusterSnapshot> out = new ArrayList<>();
        String title = "";
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.startsWith("#")) {
                if (title.isEmpty()) title = line.substring(1).strip();
                continue;
            }
            if (line.isBlank()) continue;
            out.add(parse(line));
        }
        return new SnapshotRecording(title, List.copyOf(out));
    }

    /** A resource of src/test/resources/recordings. */
    public static SnapshotRecording resource(String name) {
        try {
            var url = SnapshotRecording.class.getResource("/recordings/" + name);
            if (url == null) throw new IllegalArgumentException("no recording " + name);
            return read(Path.of(url.toURI()));
        } catch (IOException | java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void write(Path file, String title, List<ClusterSnapshot> snapshots) throws IOException {
        StringBuilder sb = new StringBuilder("# ").append(title).append('\n');
        Instant t0 = snapshots.isEmpty() ? Instant.now() : snapshots.get(0).at();
        for (ClusterSnapshot s : snapshots) {
            if (!s.monitorReachable()) continue;
            FormationSettings f = s.formation();
            sb.append(Duration.between(t0, s.at()).toMillis()).append('\t').append(f.numberSyncStandbys()).append('\t')
                    .append(f.synchronousStandbyNames() == null ? "-" : f.synchronousStandbyNames().replace(' ', '_')).append('\t')
                    .append(f.unhealthyTimeoutSeconds());
            for (NodeStatus n : s.nodes()) {
                sb.append('\t').append(String.join(":", n.name(), String.valueOf(n.nodeId()), n.reportedState().id(),
                        n.assignedState().id(), n.health().name().toLowerCase(Locale.ROOT),
                        String.format(Locale.ROOT, "%.2f", n.reportLagSeconds()), String.valueOf(n.candidatePriority()),
                        String.valueOf(n.replicationQuorum())));
            }
            sb.append('\n');
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
    }

    static ClusterSnapshot parse(String line) {
        String[] c = line.split("\t");
        Instant at = EPOCH.plusMillis(Long.parseLong(c[0]));
        FormationSettings f = new FormationSettings(Integer.parseInt(c[1]), "-".equals(c[2]) ? null : c[2].replace('_', ' '),
                Double.parseDouble(c[3]));
        List<NodeStatus> nodes = new ArrayList<>();
        for (int i = 4; i < c.length; i++) {
            String[] n = c[i].split(":");
            nodes.add(new NodeStatus(n[0], Long.parseLong(n[1]), 0, "127.0.0.1", 7000 + Integer.parseInt(n[1]),
                    NodeState.parse(n[2]), NodeState.parse(n[3]), NodeStatus.Health.parse(n[4]), 1, "0/3000000",
                    Integer.parseInt(n[6]), Boolean.parseBoolean(n[7]), Double.parseDouble(n[5]), 0.5, true));
        }
        return new ClusterSnapshot(at, true, null, List.copyOf(nodes), f);
    }
}
