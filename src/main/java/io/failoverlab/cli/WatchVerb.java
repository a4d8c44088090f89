package io.failoverlab.cli;

import io.failoverlab.engine.LabEngine;
import io.failoverlab.engine.MonitorConnection;
import io.failoverlab.lab.LabSpec;
import io.failoverlab.lab.NodeStatus;
import io.failoverlab.pgaf.MonitorWatcher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/** Prints each node's state change as the monitor notifies it, until interrupted (or --for SECONDS). */
@Command(name = "watch")
final class WatchVerb extends Verb {
    @Option(names = "--for", paramLabel = "SECONDS", descriptionKey = "watch.for") Integer seconds;

    @Override
    int run(LabSpec lab) throws Exception {
        Map<String, String> last = new HashMap<>();
        CountDownLatch stop = new CountDownLatch(1);
        try (LabEngine engine = common().runtime(lab, out()).engine();
             MonitorConnection mc = engine.openMonitor();
             MonitorWatcher w = mc.client().watch(lab.formation, snap -> {
                 String now = LocalTime.now().truncatedTo(ChronoUnit.MILLIS).toString();
                 if (!snap.monitorReachable()) {
                     out().println(now + "  monitor unreachable — retrying (" + snap.error() + ")");
                     last.clear();
                     return;
                 }
                 for (NodeStatus n : snap.nodes()) {
                     String state = n.reportedState().id() + " → " + n.assignedState().id() + " (" + n.health().name().toLowerCase() + ")";
                     if (!state.equals(last.put(n.name(), state))) {
                         out().println(now + "  " + n.name() + " " + state);
                     }
                 }
             }, line -> out().println(LocalTime.now().truncatedTo(ChronoUnit.MILLIS) + "  [monitor] " + line.text()))) {
            Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
            if (seconds != null) {
                stop.await(seconds, java.util.concurrent.TimeUnit.SECONDS);
            } else {
                stop.await();
            }
        }
        return 0;
    }
}
