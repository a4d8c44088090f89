package io.failoverlab.ui;

import io.failoverlab.cloud.Providers;
import io.failoverlab.lab.LabProfiles;
import io.failoverlab.lab.LabStore;
import io.failoverlab.remote.KnownHostsFile;

import java.nio.file.Path;

/**
 * Where the window finds the user's labs and how it builds their providers: the config folder
 * (labs/, keys/, known_hosts) and an optional gcloud overriding the profiles' (tests: the stand-in).
 */
public record LabsContext(Path configDir, String gcloud) {

    /** The user's config folder and the profiles' own gcloud (else the one on PATH). */
    public static LabsContext standard() { return new LabsContext(LabProfiles.configDir(), null); }

    public LabStore store() { return LabStore.inConfigDir(configDir); }

    public Providers.Options options() {
        return new Providers.Options(gcloud, configDir, configDir.resolve("known_hosts"), null, null, KnownHostsFile.FirstContact.NONE);
    }
}
