package io.failoverlab.engine;

import io.failoverlab.cloud.Providers;
import io.failoverlab.lab.LabProfiles;
import io.failoverlab.lab.LabSpec;
import io.failoverlab.remote.KnownHostsFile;
import io.failoverlab.report.Journal;

import java.net.URI;
import java.nio.file.Path;

/**
 * Where the app keeps its files and which outside tools it uses, as the common options gave them
 * (CLI and window alike): config folder, known_hosts, journal folder (null: CONFIG/journals/LAB;
 * keepJournal false: none), gcloud (null: the profile's, else PATH), the cloud's address service
 * and project.
 */
public record AppPaths(Path configDir, Path knownHosts, Path journalDir, boolean keepJournal, String gcloud,
                       URI addressService, String project) {
    public AppPaths {
        if (configDir == null) configDir = LabProfiles.configDir();
        if (knownHosts == null) knownHosts = configDir.resolve("known_hosts");
    }

    /** The user's config folder, its known_hosts, a journal per lab. */
    public static AppPaths standard() {
        return new AppPaths(null, null, null, true, null, null, null);
    }

    /** The same app with another config folder; known_hosts follows it. */
    public static AppPaths inConfigDir(Path configDir) {
        return new AppPaths(configDir, null, null, true, null, null, null);
    }

    public AppPaths withJournalDir(Path dir) {
        return new AppPaths(configDir, knownHosts, dir, keepJournal, gcloud, addressService, project);
    }

    public AppPaths withGcloud(String path) {
        return new AppPaths(configDir, knownHosts, journalDir, keepJournal, path, addressService, project);
    }

    /** The lab's journal folder: the one given, else CONFIG/journals/&lt;lab name&gt;. */
    public Path journalFor(LabSpec lab) {
        return journalDir != null ? journalDir : Journal.dirFor(configDir, lab.name);
    }

    /** How providers are built with these folders; firstContact hears each newly recorded host key. */
    public Providers.Options providerOptions(KnownHostsFile.FirstContact firstContact) {
        return new Providers.Options(gcloud, configDir, knownHosts, addressService, project, firstContact);
    }
}
