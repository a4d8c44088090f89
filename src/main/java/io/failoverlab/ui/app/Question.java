package io.failoverlab.ui.app;

/** A confirmation to ask before an action: bundle keys of title and text, and the text's arguments. */
public record Question(String titleKey, String textKey, Object... args) {
    /** The title: one naming the node ("Stop {0}?") is filled in, the others stay plain text (an apostrophe stays). */
    public String title(Messages m) {
        String title = m.tr(titleKey);
        return title.contains("{") ? m.tr(titleKey, args) : title;
    }

    public String text(Messages m) { return m.tr(textKey, args); }
}
