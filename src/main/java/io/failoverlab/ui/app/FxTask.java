package io.failoverlab.ui.app;

import io.failoverlab.engine.AppExecutor;
import javafx.application.Platform;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Work off the FX thread, its result or its error back on it: the one way the window does
 * background work. Callbacks run on the FX thread; an error without a handler is logged.
 *
 * <pre>FxTask.of(() -> journal.readConclusion()).onSuccess(area::setText).onError(e -> ...).start();</pre>
 */
public final class FxTask<T> {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(FxTask.class);
    private final Callable<T> work;
    private Consumer<T> success = t -> { };
    private Consumer<Exception> error = e -> LOG.warn("background work failed", e);
    private Runnable always = () -> { };

    private FxTask(Callable<T> work) {
        this.work = work;
    }

    public static <T> FxTask<T> of(Callable<T> work) { return new FxTask<>(work); }

    public static FxTask<Void> of(Runnable work) {
        return new FxTask<>(() -> {
            work.run();
            return null;
        });
    }

    public FxTask<T> onSuccess(Consumer<T> c) {
        this.success = c;
        return this;
    }

    public FxTask<T> onError(Consumer<Exception> c) {
        this.error = c;
        return this;
    }

    /** After success or error, on the FX thread. */
    public FxTask<T> onFinally(Runnable r) {
        this.always = r;
        return this;
    }

    /** On the app's executor. */
    public void start() { start(AppExecutor.shared()); }

    public void start(Executor background) { start(background, Platform::runLater); }

    /** fx: how results reach the FX thread (tests: the calling thread). */
    void start(Executor background, Executor fx) {
        background.execute(() -> {
            T result;
            try {
                result = work.call();
            } catch (Exception e) {
                fx.execute(() -> {
                    try {
                        error.accept(e);
                    } finally {
                        always.run();
                    }
                });
                return;
            }
            fx.execute(() -> {
                try {
                    success.accept(result);
                } finally {
                    always.run();
                }
            });
        });
    }
}
