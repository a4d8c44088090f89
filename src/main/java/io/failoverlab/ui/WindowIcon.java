package io.failoverlab.ui;

import javafx.scene.image.Image;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The window's icons: /icons/app-&lt;size&gt;.png from the class path when the icons are packaged,
 * otherwise a drawn placeholder (two linked discs: primary and standby) until real icons exist.
 */
final class WindowIcon {
    private WindowIcon() { }

    static List<Image> images() {
        List<Image> out = new ArrayList<>();
        for (int size : new int[] {16, 32, 48, 64, 128, 256}) {
            InputStream in = WindowIcon.class.getResourceAsStream("/icons/app-" + size + ".png");
            if (in != null) out.add(new Image(in));
        }
        if (out.isEmpty()) {
            out.add(placeholder(32));
            out.add(placeholder(64));
        }
        return out;
    }

    static Image placeholder(int size) {
        WritableImage img = new WritableImage(size, size);
        Color primary = Color.web("#1f8a4c");
        Color standby = Color.web("#2f6fb3");
        double r = size * 0.24;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double dx1 = x - size * 0.3, dy1 = y - size * 0.32;
                double dx2 = x - size * 0.7, dy2 = y - size * 0.68;
                Color c = Color.TRANSPARENT;
                if (dx1 * dx1 + dy1 * dy1 <= r * r) c = primary;
                else if (dx2 * dx2 + dy2 * dy2 <= r * r) c = standby;
                else if (Math.abs((x - y)) <= Math.max(1, size / 16) && x > size * 0.3 && x < size * 0.7) c = Color.web("#555555");
                img.getPixelWriter().setColor(x, y, c);
            }
        }
        return img;
    }
}
