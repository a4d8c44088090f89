package io.failoverlab.ui;

import javafx.animation.AnimationTimer;
import javafx.scene.Scene;

/**
 * Watches the FX pulses of a scene (FX thread only): the longest gap between two pulses (a stall
 * as the user sees it, whatever its cause) and the longest the FX thread worked within one pulse,
 * from its animation phase (where the log is drained) to the end of its layout pass.
 */
final class PulseMeter {
    private Scene scene;
    private long last, pulseStart, longestGap, longestWork, pulses;
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            long t = System.nanoTime();
            if (last != 0) longestGap = Math.max(longestGap, t - last);
            last = t;
            pulseStart = t;
            pulses++;
        }
    };
    private final Runnable afterLayout = () -> {
        if (pulseStart != 0) longestWork = Math.max(longestWork, System.nanoTime() - pulseStart);
        pulseStart = 0;
    };

    void start(Scene s) {
        scene = s;
        s.addPostLayoutPulseListener(afterLayout);
        timer.start();
    }

    void stop() {
        timer.stop();
        scene.removePostLayoutPulseListener(afterLayout);
    }

    /** Starts a new measurement. */
    void reset() {
        last = pulseStart = longestGap = longestWork = pulses = 0;
    }

    double longestGapMs() { return longestGap / 1e6; }

    double longestWorkMs() { return longestWork / 1e6; }

    long pulses() { return pulses; }
}
