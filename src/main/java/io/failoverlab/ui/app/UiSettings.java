package io.failoverlab.ui.app;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** What the window remembers between runs: geometry, language, theme, presentation mode. No secrets. */
@JsonIgnoreProperties(ignoreUnknown = true)
public class UiSettings {
    /** null until the window was placed once (then it opens centred). */
    public Double x;
    public Double y;
    public double width = 1400;
    public double height = 900;
    public boolean maximized;
    /** "en" or "ru"; null = the system's language. */
    public String language;
    public boolean dark;
    public boolean presentation;
}
