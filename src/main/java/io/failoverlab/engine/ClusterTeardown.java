package io.failoverlab.engine;

import io.failoverlab.lab.InstanceSpec;
import io.failoverlab.lab.LabSpec;
import io.failoverlab.lab.LogLine;
import io.failoverlab.lab.StepIds;
import io.failoverlab.lab.StepResult;
import io.failoverlab.pgaf.KeeperControl;
import io.failoverlab.pgaf.SystemdKeeper;
import io.failoverlab.remote.Command;
import io.failoverlab.remote.Shell;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static io.failoverlab.remote.ShellQuote.quote;

/**
 * Takes a lab down, the reverse of {@link ClusterBuilder}: one step per instance ("stop node2",
 * "destroy monitor"), nodes first and the monitor last; destroying also removes the lab's
 * folders, its .pgpass lines and its stored passwords.
 */
final class ClusterTeardown {
    private final LabEngine engine;
    private final LabSpec spec;
    private final EngineListener listener;

    ClusterTeardown(LabEngine engine) {
        this.engine = engine;
        this.spec = engine.spec();
        this.listener = engine.listener();
    }

    List<StepResult> down(boolean destroy) {
        List<StepResult> results = new ArrayList<>();
        List<InstanceSpec> order = new ArrayList<>(spec.nodes);
        Collections.reverse(order);
        order.add(spec.monitor);
        for (InstanceSpec inst : order) {
            long t0 = System.nanoTime();
            String step = StepIds.named(destroy ? StepIds.DESTROY : StepIds.STOP, inst.name);
            listener.stepStarted(step);
            StepResult r;
            try {
                Shell sh = engine.shells().of(inst);
                if (!engine.hasPostgresUser(inst.host)) {
                    r = StepResult.passed(step, StepResult.secondsSince(t0), "nothing installed on " + sh.describe());
                } else {
                    KeeperControl k = engine.keeper(inst.host);
                    k.stop(sh, engine.paths(inst), engine.unitName(inst));
                    if (destroy) {
                        if (k instanceof SystemdKeeper) {
                            sh.run(Command.asRoot("systemctl disable " + quote(engine.unitName(inst)) + " 2>/dev/null; rm -f /etc/systemd/system/"
                                    + quote(engine.unitName(inst) + ".service") + "; systemctl daemon-reload").timeout(Duration.ofSeconds(60)));
                        }
                        sh.check(Command.asPostgres(InstanceScripts.destroy(engine.paths(inst))).timeout(Duration.ofMinutes(2)));
                    }
                    r = StepResult.passed(step, StepResult.secondsSince(t0), destroy ? "stopped and deleted" : "stopped");
                }
            } catch (IOException | RuntimeException e) {
                r = StepResult.failed(step, StepResult.secondsSince(t0), e.getMessage());
            }
            listener.log(LogLine.of("app", r.ok() ? LogLine.Level.INFO : LogLine.Level.ERROR, step + ": " + r.message()));
            listener.stepFinished(r);
            results.add(r);
        }
        if (destroy) {
            removeSharedFolders();
            removePassFileLines();
            try {
                engine.secretsStore().delete(spec); // the lab's data is gone: its passwords protect nothing now
            } catch (IOException e) {
                listener.log(LogLine.of("app", LogLine.Level.WARN, "could not delete the lab's passwords file: " + e.getMessage()));
            }
        }
        return results;
    }

    /** Takes this lab's lines out of ~postgres/.pgpass on every data node's host. */
    private void removePassFileLines() {
        if (!engine.usesPasswords()) return;
        List<String> done = new ArrayList<>();
        for (InstanceSpec n : spec.nodes) {
            if (done.contains(n.host)) continue;
            done.add(n.host);
            try {
                engine.shells().of(n).run(Command.asPostgres(PassFile.removeScript(spec)).timeout(Duration.ofSeconds(30))
                        .display("remove this lab's lines from ~postgres/.pgpass"));
            } catch (IOException | RuntimeException e) {
                listener.log(LogLine.of("app", LogLine.Level.WARN, "could not clean ~postgres/.pgpass: " + e.getMessage()));
            }
        }
    }

    /** pg_autoctl keeps base backups in DATADIR/backup; the data folder goes when it is empty. */
    private void removeSharedFolders() {
        for (InstanceSpec inst : spec.instances()) {
            try {
                Shell sh = engine.shells().of(inst);
                sh.run(Command.asPostgres("rm -rf " + quote(spec.dataDir + "/backup") + "; rmdir "
                        + quote(spec.dataDir) + " 2>/dev/null; true").timeout(Duration.ofSeconds(60)));
                // its parent is root's (preflight made it), so only root may remove the empty folder
                sh.run(Command.asRoot("rmdir " + quote(spec.dataDir) + " 2>/dev/null; true").timeout(Duration.ofSeconds(60)));
            } catch (IOException | RuntimeException e) {
                listener.log(LogLine.of("app", LogLine.Level.WARN, "could not remove " + spec.dataDir + ": " + e.getMessage()));
            }
        }
    }
}
