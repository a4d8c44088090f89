package io.failoverlab.ui.actions;

import io.failoverlab.ui.session.LabSession;
import io.failoverlab.ui.app.Question;
import java.util.Optional;

/**
 * Decides whether an action needs the user's yes first. Runs on a background thread, so it may
 * look at the lab (e.g. whether packages are missing); an empty answer means go ahead.
 */
@FunctionalInterface
public interface Confirmation {
    Optional<Question> ask(LabSession session) throws Exception;

    Confirmation NONE = s -> Optional.empty();

    /** Always ask: for destructive actions. */
    static Confirmation always(String titleKey, String textKey) {
        return s -> Optional.of(new Question(titleKey, textKey, s.lab().name));
    }
}
