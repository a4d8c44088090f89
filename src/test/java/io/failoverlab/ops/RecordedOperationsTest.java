package io.failoverlab.ops;

import io.failoverlab.lab.ClusterSnapshot;
import io.failoverlab.lab.NodeStatus;
import io.failoverlab.testing.SnapshotRecording;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every operation of ops/, without PostgreSQL: the monitor's snapshots of real runs
 * (recorded by ThreeNodeOperationsTest on pg_auto_failover 2.0, kept in
 * src/test/resources/recordings) replayed through what each operation does after its request:
 * the prediction from the state before (MonitorRules), following until settled (Settling) and
 * the comparison (Expectation). A run pg_auto_failover settled in must settle here too, at a
 * state its rules predict, and a refused run must be refused from its state before.
 */
class RecordedOperationsTest {

    static Stream<Path> recordings() throws IOException, URISyntaxException {
        Path dir = Path.of(RecordedOperationsTest.class.getResource("/recordings").toURI());
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".tsv")).sorted().toList().stream();
        }
    }

    /** The operation's prediction and the way it follows, from the recording's title ("stop-node node3: …"). */
    record Replay(Expectation expected, Settling settling) { }

    static Replay replay(String title, ClusterSnapshot before) {
        String[] w = title.substring(0, title.indexOf(':')).split(" ");
        String op = w[0];
        String node = w.length > 1 ? w[1] : null;
        String primary = before.writableNode().map(NodeStatus::name).orElse("");
        switch (op) {
            case "stop-node":
                return new Replay(node.equals(primary) ? MonitorRules.primaryLost(before, node)
                        : MonitorRules.standbysLost(before, Set.of(node)), Settling.afterLoss(Set.of(node)));
            case "kill-primary":
                return new Replay(MonitorRules.primaryLost(before, primary), Settling.afterLoss(Set.of(primary)));
            case "start-node": case "add-node":
                return new Replay(MonitorRules.rejoin(before, node), new Settling(Set.of(node)));
            case "switchover": case "failover":
                return new Replay(MonitorRules.switchover(before), new Settling(Set.of(primary)));
            case "promote":
                return new Replay(MonitorRules.promote(before, node), new Settling(Set.of(node)));
            case "drop-node":
                return new Replay(MonitorRules.dropped(before, node), new Settling(Set.of()));
            case "maintenance":
                boolean on = "on".equals(w[2]);
                return new Replay(on ? MonitorRules.maintenanceOn(before, node) : MonitorRules.maintenanceOff(before, node),
                        new Settling(on ? Set.of() : Set.of(node)));
            case "set":
                return new Replay("formation".equals(node)
                        ? MonitorRules.numberSyncStandbys(before, Integer.parseInt(w[3]), "default")
                        : MonitorRules.settingChanged(before), new Settling(Set.of()));
            default:
                throw new IllegalArgumentException("no replay for " + title);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recordings")
    void settlesWhereTheRulesSay(Path file) throws IOException {
        SnapshotRecording r = SnapshotRecording.read(file);
        Replay p = replay(r.title(), r.before());
        boolean refusedInRun = r.title().contains("No failover is possible") || r.title().contains("Cannot ");
        assertEquals(refusedInRun, p.expected().isRefused(), r.title());
        if (refusedInRun) return;
        List<ClusterSnapshot> after = r.after();
        int settledAt = -1;
        for (int i = 0; i < after.size(); i++) {
            if (p.settling().offer(after.get(i))) {
                settledAt = i;
                break;
            }
        }
        assertTrue(settledAt >= 0, () -> "never settled: " + r.title());
        ClusterSnapshot end = after.get(settledAt);
        Optional<String> wrong = p.expected().mismatch(end);
        assertFalse(wrong.isPresent(), () -> r.title() + " — differs: " + wrong.orElse("") + " at " + end.summary());
        // it settles no later than the run did: the run's last snapshot is its settled one
        assertTrue(end.at().compareTo(after.get(after.size() - 1).at()) <= 0);
    }
}
