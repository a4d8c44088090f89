package io.failoverlab.ops;

import io.failoverlab.lab.Msg;
import io.failoverlab.lab.StepResult;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An operation's result from what following the monitor saw: ok when the formation settled as
 * pg_auto_failover's rules predicted (the sentence says what was done and why it is right);
 * failed, with the prediction and the outcome side by side, when it settled elsewhere; failed
 * with the last state when nothing settled within the bound.
 */
final class Verdict {
    private Verdict() { }

    /** t0: the operation's start (System.nanoTime), for its whole duration; the follow's own is settledSeconds. */
    static OperationResult of(String name, Msg done, Expectation e, Followed f, Duration bound, Map<String, Double> figures, long t0) {
        Map<String, Double> fig = new LinkedHashMap<>(figures);
        fig.put("settledSeconds", f.seconds());
        double seconds = StepResult.secondsSince(t0);
        if (!f.settled()) {
            return OperationResult.of(name, false, seconds, Msg.of("op.followed.unsettled", bound.toSeconds(),
                    f.holding(), e.story(), f.last().summary()), fig, f.last());
        }
        var wrong = e.mismatch(f.last());
        if (wrong.isPresent()) {
            return OperationResult.of(name, false, seconds, Msg.of("op.followed.differs", e.story(),
                    e.expectedSummary(), f.last().summary()), fig, f.last());
        }
        Msg ok = Msg.of("op.followed.asPredicted", done, e.story());
        List<String> down = f.named(Standing.DOWN);
        if (!down.isEmpty()) ok = Msg.of("op.followed.withDown", ok, String.join(", ", down));
        return OperationResult.of(name, true, seconds, ok, fig, f.last());
    }
}
