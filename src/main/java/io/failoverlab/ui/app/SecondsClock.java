package io.failoverlab.ui.app;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.util.Duration;

/**
 * One tick a second for everything in the window that shows time passing ("time in state", how
 * long a step or an action has run). Nothing in the window animates continuously: without a GPU
 * (VMs, remote desktops, Xvfb) every frame is painted in software and copied whole to the screen
 * on the FX thread, so a spinner would cost the table its frames.
 */
public final class SecondsClock {
    private final ReadOnlyLongWrapper seconds = new ReadOnlyLongWrapper();
    private final Timeline timeline = new Timeline(new KeyFrame(Duration.seconds(1), e -> seconds.set(seconds.get() + 1)));

    public SecondsClock() {
        timeline.setCycleCount(Timeline.INDEFINITE);
    }

    public void start() { timeline.play(); }

    public void stop() { timeline.stop(); }

    /** Counts up once a second while started; listen to it, its value means nothing. */
    public ReadOnlyLongProperty seconds() { return seconds.getReadOnlyProperty(); }

    /** "12 s", "3 min 05 s": how long since a moment, for the status bar and the checklist. */
    public static String elapsed(java.time.Instant since, Messages m) {
        if (since == null) return "";
        long s = Math.max(0, java.time.Duration.between(since, java.time.Instant.now()).getSeconds());
        if (s < 60) return m.tr("age.s", s);
        if (s < 3600) return m.tr("age.ms", s / 60, s % 60);
        return m.tr("age.hm", s / 3600, s % 3600 / 60);
    }
}
