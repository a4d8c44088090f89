package io.failoverlab.cloud;

import io.failoverlab.lab.LabException;
import io.failoverlab.lab.Msg;
import io.failoverlab.lab.LabSpec;
import io.failoverlab.remote.KnownHostsFile;

import java.net.URI;
import java.nio.file.Path;

/** The provider a lab names, built with the app's folders (keys, known_hosts) and the gcloud to use. */
public final class Providers {
    /**
     * @param gcloud    gcloud executable overriding the profile's (null = profile's, else PATH)
     * @param configDir the app's config folder: labs/, keys/ and known_hosts live there
     */
    public record Options(String gcloud, Path configDir, Path knownHosts, URI addressService, String project,
                          KnownHostsFile.FirstContact firstContact) {
        public Path keysDir() { return configDir.resolve("keys"); }
    }

    private Providers() { }

    public static Provider forLab(LabSpec lab, Options o) {
        switch (lab.provider == null ? "local" : lab.provider) {
            case "local":
                return new LocalProvider();
            case "hosts":
                return new HostsProvider(lab.hosts.stream()
                        .map(h -> new HostsProvider.Machine(h.address, h.sshPort, h.user, h.keyFile)).toList());
            case "gce":
                return gce(lab.gce == null ? null : lab.gce.gcloud, o);
            case "machines":
                return new io.failoverlab.cloud.machines.MachinesProvider(o.keysDir(), o.knownHosts(), o.firstContact());
            default:
                throw new LabException(Msg.of("provider.unknown", lab.provider, lab.name));
        }
    }

    public static GceProvider gce(String profileGcloud, Options o) {
        String exe = o.gcloud() != null ? o.gcloud() : profileGcloud;
        return new GceProvider(Gcloud.resolve(exe), o.keysDir(), o.knownHosts(), o.firstContact(), o.addressService(), o.project());
    }
}
