package io.failoverlab.ui.labs;

import io.failoverlab.cloud.Providers;
import io.failoverlab.engine.AppPaths;
import io.failoverlab.lab.LabStore;
import io.failoverlab.remote.KnownHostsFile;

import java.nio.file.Path;

/**
 * Where the window finds the user's labs and how it builds their providers: the app's paths as
 * the command line gave them (config folder with labs/, keys/, known_hosts; an optional gcloud
 * overriding the profiles' — tests: the stand-in).
 */
public record LabsContext(AppPaths paths) {

    public LabsContext(Path configDir, String gcloud) {
        this(AppPaths.inConfigDir(configDir).withGcloud(gcloud));
    }

    /** The user's config folder and the profiles' own gcloud (else the one on PATH). */
    public static LabsContext standard() { return new LabsContext(AppPaths.standard()); }

    public Path configDir() { return paths.configDir(); }

    public String gcloud() { return paths.gcloud(); }

    public LabStore store() { return LabStore.inConfigDir(paths.configDir()); }

    public Providers.Options options() {
        return paths.providerOptions(KnownHostsFile.FirstContact.NONE);
    }

    /** The paths for another lab opened from the Labs window: its own journal, not the one --journal named. */
    public AppPaths pathsFor(io.failoverlab.lab.LabSpec lab) {
        return paths.withJournalDir(null);
    }
}
