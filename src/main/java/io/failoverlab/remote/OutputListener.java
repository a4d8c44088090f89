package io.failoverlab.remote;

/** Receives a running command's output line by line, as it is printed. Called off the FX thread. */
@FunctionalInterface
public interface OutputListener {
    enum Stream { STDOUT, STDERR }

    void line(Stream stream, String line);

    OutputListener NONE = (s, l) -> { };
}
