package io.failoverlab.ui.data;

import io.failoverlab.lab.ClusterSnapshot;
import io.failoverlab.lab.Msg;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableObjectValue;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.ObservableList;

import java.util.function.Supplier;

/**
 * What the data-check tab shows and does, handed in by the console so the tab knows nothing of
 * the session or the action catalogue: the grid's rows, the check's summary (as data when set),
 * the write probe, the last snapshot (where the probe starts), and how to run the check (null
 * when the window offers no data check) while busy disables it.
 */
public record DataCheckInputs(ObservableList<DataCheckRow> rows, ObservableStringValue summary, ObservableObjectValue<Msg> summaryMsg,
                              ProbeModel probe, Supplier<ClusterSnapshot> lastSnapshot, Runnable runCheck, ObservableBooleanValue busy) {
    /** Rows of ha_test when it does not exist yet, as in the original lab. */
    public static final int ROWS = 1_000_000;
    /** Rows the check inserts through the multi-host URL. */
    public static final int INSERT = 10;
}
