package io.failoverlab.cli;

import io.failoverlab.cloud.Providers;
import io.failoverlab.engine.AppPaths;
import io.failoverlab.engine.LabRuntime;
import io.failoverlab.lab.LabProfiles;
import io.failoverlab.lab.AddedNodes;
import io.failoverlab.lab.LabSpec;
import io.failoverlab.remote.KnownHostsFile;
import io.failoverlab.remote.SudoChannel;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The options every verb and the window take. Given before the verb they land in the root
 * command's copy, after it in the verb's: {@link #over} merges the two (the verb's win).
 */
public final class CommonOptions {
    @Option(names = "--lab", paramLabel = "FILE", descriptionKey = "common.lab") String lab;
    @Option(names = "--data-dir", paramLabel = "DIR", descriptionKey = "common.data-dir") String dataDir;
    @Option(names = "--monitor-port", paramLabel = "N", descriptionKey = "common.monitor-port") Integer monitorPort;
    @Option(names = "--node-ports", paramLabel = "A,B", descriptionKey = "common.node-ports") String nodePorts;
    @Option(names = "--no-install", descriptionKey = "common.no-install") Boolean noInstall;
    @Option(names = "--known-hosts", paramLabel = "FILE", descriptionKey = "common.known-hosts") Path knownHosts;
    @Option(names = "--verbose", descriptionKey = "common.verbose") Boolean verbose;
    @Option(names = "--config-dir", paramLabel = "DIR", descriptionKey = "common.config-dir") Path configDir;
    @Option(names = "--gcloud", paramLabel = "PATH", descriptionKey = "common.gcloud") String gcloud;
    @Option(names = "--lang", paramLabel = "en|ru", descriptionKey = "common.lang") String lang;
    @Option(names = "--journal", paramLabel = "DIR", descriptionKey = "common.journal") Path journal;
    @Option(names = "--no-journal", descriptionKey = "common.no-journal") Boolean noJournal;
    @Option(names = "--address-service", paramLabel = "URL", hidden = true) URI addressService;
    @Option(names = "--project", paramLabel = "P", descriptionKey = "common.project") String project;
    @Option(names = "--sudo-password-stdin", descriptionKey = "common.sudo-password-stdin") Boolean sudoPasswordStdin;

    /** These options with the unset ones taken from outer (the root command's). */
    CommonOptions over(CommonOptions outer) {
        if (outer == null) return this;
        CommonOptions m = new CommonOptions();
        m.lab = lab != null ? lab : outer.lab;
        m.dataDir = dataDir != null ? dataDir : outer.dataDir;
        m.monitorPort = monitorPort != null ? monitorPort : outer.monitorPort;
        m.nodePorts = nodePorts != null ? nodePorts : outer.nodePorts;
        m.noInstall = noInstall != null ? noInstall : outer.noInstall;
        m.knownHosts = knownHosts != null ? knownHosts : outer.knownHosts;
        m.verbose = verbose != null ? verbose : outer.verbose;
        m.configDir = configDir != null ? configDir : outer.configDir;
        m.gcloud = gcloud != null ? gcloud : outer.gcloud;
        m.lang = lang != null ? lang : outer.lang;
        m.journal = journal != null ? journal : outer.journal;
        m.noJournal = noJournal != null ? noJournal : outer.noJournal;
        m.addressService = addressService != null ? addressService : outer.addressService;
        m.project = project != null ? project : outer.project;
        m.sudoPasswordStdin = sudoPasswordStdin != null ? sudoPasswordStdin : outer.sudoPasswordStdin;
        return m;
    }

    /** The lab these options name (checked). */
    public LabSpec lab() {
        LabSpec spec = LabOptions.lab(lab, dataDir, monitorPort, nodePorts, Boolean.TRUE.equals(noInstall));
        // nodes added to this lab by an earlier add-node NEW
        AddedNodes.of(spec, paths().configDir()).applyTo(spec);
        return spec;
    }

    public String labFile() { return lab; }

    public String lang() { return lang; }

    public boolean verbose() { return Boolean.TRUE.equals(verbose); }

    public String project() { return project; }

    /** The app's folders and tools as these options give them. */
    public AppPaths paths() {
        return new AppPaths(configDir, knownHosts, journal, !Boolean.TRUE.equals(noJournal), gcloud, addressService, project);
    }

    /** The terminal's line for a host key seen the first time. */
    KnownHostsFile.FirstContact firstContact(PrintStream out) {
        Path kh = paths().knownHosts();
        return (host, type, fp) -> out.println("First contact with " + host + ": recorded its " + type + " host key " + fp + " in " + kh);
    }

    Providers.Options providerOptions(PrintStream out) {
        return paths().providerOptions(firstContact(out));
    }

    /** The lab wired as the window wires it, with the terminal as its face (every verb also writes the journal). */
    LabRuntime runtime(LabSpec lab, PrintStream out) {
        // sudo's password, when a machine's sudo wants one: the terminal, or stdin's first line
        SudoChannel.session().prompt(new TerminalSudoPrompt(Boolean.TRUE.equals(sudoPasswordStdin), System.in, System.console(),
                lang == null ? Locale.ENGLISH : Locale.forLanguageTag(lang)));
        return LabRuntime.builder(lab, paths())
                .listener(new ConsoleListener(out, verbose(), lang()))
                .firstContact(firstContact(out))
                .journalProblems(out::println)
                .onProvisioned(this::saveBack)
                .build();
    }

    /** The provisioned hosts go back into the profile, so status/down reach them without provisioning. */
    void saveBack(LabSpec l) {
        if (lab == null) return;
        try {
            LabProfiles.save(l, Path.of(lab));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot update the lab file " + lab + ".", e);
        }
    }
}
