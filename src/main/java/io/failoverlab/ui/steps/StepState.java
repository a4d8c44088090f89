package io.failoverlab.ui.steps;

/** Where a checklist step stands; the CSS class is step-&lt;lower-case name&gt;. */
public enum StepState {
    NOT_YET, RUNNING, PASSED, FAILED;

    public String styleClass() { return "step-" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'); }
}
