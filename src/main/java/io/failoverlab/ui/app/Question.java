package io.failoverlab.ui.app;

/** A confirmation to ask before an action: bundle keys of title and text, and the text's arguments. */
public record Question(String titleKey, String textKey, Object... args) { }
