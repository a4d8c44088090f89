package io.failoverlab.ui.app;

import javafx.scene.image.Image;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/** The window's icons, rendered from icons/failover-lab.svg (icons/render.sh) into the jar. */
public final class WindowIcon {
    private WindowIcon() { }

    public static List<Image> images() {
        List<Image> out = new ArrayList<>();
        for (int size : new int[] {16, 24, 32, 48, 64, 128, 256}) {
            InputStream in = WindowIcon.class.getResourceAsStream("/io/failoverlab/icons/failover-lab-" + size + ".png");
            if (in != null) out.add(new Image(in));
        }
        return out;
    }
}
