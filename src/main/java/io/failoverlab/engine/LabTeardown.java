package io.failoverlab.engine;

import io.failoverlab.lab.InstanceSpec;
import io.failoverlab.lab.LabSpec;
import io.failoverlab.lab.LogLine;
import io.failoverlab.lab.Msg;
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
 * The way down of a lab (`down`, `down --destroy`) and of one instance (a dropped node re-created):
 * stop keepers, and with destroy delete their data, units, shared folders, .pgpass lines and the
 * lab's passwords. {@link LabEngine#down} and {@link LabEngine#destroyInstance} are its callers.
 */
final class LabTeardown {
    private final LabEngine engine;
    private final LabSpec spec;
    private final EngineListener listener;

    LabTeardown(LabEngine engine) {
        this.engine = engine;
        this.spec = engine.spec();
        this.listener = engine.listener();
    }

    /** Stops one instance's keeper and deletes its local state; other instances sharing the host are untouched. */
    void destroyInstance(InstanceSpec inst) throws IOException {
        engine.stopKeeper(inst);
        engine.shells().of(inst).check(Command.asPostgres(InstanceScripts.destroy(engine.paths(inst))).timeout(Duration.ofMinutes(2))
                .display("remove the local state of " + inst.name));
    }

    /** Stops every keeper (nodes first, then the monitor); with destroy also deletes their data. */
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
                r = StepResult.passed(step, StepResult.secondsSince(t0), stop(inst, destroy));
            } catch (IOException | RuntimeException e) {
                r = StepResult.failed(step, StepResult.secondsSince(t0), e);
            }
            LogLine.Level level = r.ok() ? LogLine.Level.INFO : LogLine.Level.ERROR;
            listener.appLog(level, Msg.of("log.outcome", step, r.msg() != null ? r.msg() : Msg.of("text.plain", r.message())));
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

    /** One instance's way down; says what was done. */
    private Msg stop(InstanceSpec inst, boolean destroy) throws IOException {
        Shell sh = engine.shells().of(inst);
        if (!engine.hasPostgresUser(inst.host)) return Msg.of("step.down.nothing", engine.hostName(inst.host));
        KeeperControl k = engine.keeper(inst.host);
        String unit = engine.unitName(inst);
        k.stop(sh, engine.paths(inst), unit);
        if (!destroy) return Msg.of("step.down.stopped");
        if (k instanceof SystemdKeeper) {
            sh.run(Command.asRoot("systemctl disable " + quote(unit) + " 2>/dev/null; rm -f /etc/systemd/system/"
                    + quote(unit + ".service") + "; systemctl daemon-reload").timeout(Duration.ofSeconds(60)));
        }
        sh.check(Command.asPostgres(InstanceScripts.destroy(engine.paths(inst))).timeout(Duration.ofMinutes(2)));
        return Msg.of("step.down.destroyed");
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

    /** pg_autoctl keeps base backups in DATADIR/backup, HostSslFiles the certificate in DATADIR/ssl; the data folder goes when it is empty. */
    private void removeSharedFolders() {
        for (InstanceSpec inst : spec.instances()) {
            try {
                engine.shells().of(inst).run(Command.asPostgres("rm -rf " + quote(spec.dataDir + "/backup") + " " + quote(HostSslFiles.dir(spec)) + "; rmdir "
                        + quote(spec.dataDir) + " 2>/dev/null; true").timeout(Duration.ofSeconds(60)));
                // its parent is root's (preflight made it), so only root may remove the empty folder
                engine.shells().of(inst).run(Command.asRoot("rmdir " + quote(spec.dataDir) + " 2>/dev/null; true").timeout(Duration.ofSeconds(60)));
            } catch (IOException | RuntimeException e) {
                listener.log(LogLine.of("app", LogLine.Level.WARN, "could not remove " + spec.dataDir + ": " + e.getMessage()));
            }
        }
    }
}
