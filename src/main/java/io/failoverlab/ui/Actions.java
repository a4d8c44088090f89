package io.failoverlab.ui;

import io.failoverlab.ops.Switchover;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The actions the toolbar and the Actions menu offer, in order. Adding one (drop node, kill
 * primary, maintenance, profile switch, data check) is one entry here plus its label key in
 * both message bundles, e.g.
 * {@code .add(ConsoleAction.of("killPrimary", "action.killPrimary", s -> new KillPrimary(s.engine())).destructive())}.
 */
public final class Actions {
    private final List<ConsoleAction> all = new ArrayList<>();

    public static Actions standard() {
        Actions a = new Actions()
                .add(ConsoleAction.of("build", "action.build",
                                s -> new StepsOperation("build lab", s.engine()::up))
                        .confirm(new InstallCheck()).rebuildingLab().onSuccess(LabSession::watchMonitor))
                .add(ConsoleAction.of("switchover", "action.switchover", s -> new Switchover(s.engine())));
        return HaActions.addTo(a)
                .add(ConsoleAction.of("stop", "action.stop",
                                s -> new StepsOperation("stop lab", () -> s.engine().down(false)))
                        .destructive().afterwards((s, r) -> s.stopWatching()))
                .add(ConsoleAction.of("destroy", "action.destroy",
                                s -> new StepsOperation("destroy lab", () -> s.engine().down(true)))
                        .destructive().afterwards((s, r) -> s.stopWatching()));
    }

    public Actions add(ConsoleAction a) {
        if (find(a.id()).isPresent()) throw new IllegalArgumentException("duplicate action id " + a.id());
        all.add(a);
        return this;
    }

    public List<ConsoleAction> all() { return Collections.unmodifiableList(all); }

    public Optional<ConsoleAction> find(String id) {
        return all.stream().filter(a -> a.id().equals(id)).findFirst();
    }
}
