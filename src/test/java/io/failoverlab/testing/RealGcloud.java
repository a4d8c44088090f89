package io.failoverlab.testing;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real Google Cloud CLI aimed at a {@link LocalComputeApi}: a private CLOUDSDK_CONFIG folder
 * (never the user's own), the compute endpoint overridden to the local API, a fake bearer token
 * from auth/access_token_file, and everything that would reach Google turned off (usage
 * reporting, update check, GCE metadata probe, surveys). The app is given a small wrapper script
 * that sets CLOUDSDK_CONFIG, runs the real gcloud and logs each call's times and exit code.
 */
public final class RealGcloud {
    /** One call: wall time in gcloud, exit code, arguments. */
    public record Call(long startNanos, double seconds, int exitCode, String args) { }

    public static final String TOKEN = "ya29.local-compute-api-test-token";
    private final Path dir;
    private final String executable;

    private RealGcloud(Path dir, String executable) {
        this.dir = dir;
        this.executable = executable;
    }

    /** The installed gcloud (on PATH), or null on a machine without the Google Cloud CLI. */
    public static String installed() {
        String path = System.getenv("PATH");
        if (path == null) return null;
        for (String d : path.split(File.pathSeparator)) {
            Path p = Path.of(d.isEmpty() ? "." : d, "gcloud");
            if (Files.isExecutable(p)) return p.toString();
        }
        return null;
    }

    /** A private config for api (null: no endpoint, no credentials, as after a fresh install). */
    public static RealGcloud install(Path dir, LocalComputeApi api) throws IOException {
        return install(dir, api, api != null);
    }

    public static RealGcloud install(Path dir, LocalComputeApi api, boolean credentials) throws IOException {
        String exe = installed();
        if (exe == null) throw new IOException("gcloud is not installed");
        Path config = Files.createDirectories(dir.resolve("config"));
        Files.createDirectories(config.resolve("configurations"));
        Files.writeString(config.resolve("active_config"), "default");
        // gcloud's "on GCE?" cache: without it the first call resolves metadata.google.internal over DNS (seen with strace),
        // check_gce_metadata=false notwithstanding
        Files.writeString(config.resolve("gce"), "False");
        StringBuilder ini = new StringBuilder("[core]\ndisable_usage_reporting = true\ncheck_gce_metadata = false\n"
                + "[component_manager]\ndisable_update_check = true\n[survey]\ndisable_prompts = true\n");
        if (api != null) {
            // serviceusage too: gcloud may look up an API's enablement after a SERVICE_DISABLED error
            ini.append("[api_endpoint_overrides]\ncompute = ").append(api.base()).append("\nserviceusage = http://127.0.0.1:")
                    .append(api.port()).append("/serviceusage/\n");
        }
        if (credentials) {
            Path token = dir.resolve("token");
            Files.writeString(token, TOKEN + "\n");
            ini.append("[auth]\naccess_token_file = ").append(token).append('\n');
        }
        Files.writeString(config.resolve("configurations/config_default"), ini.toString());
        Path wrapper = dir.resolve("gcloud");
        // -Dgce.strace=DIR: each call's connect() calls traced into DIR, to check by hand that gcloud reaches only loopback
        String trace = System.getProperty("gce.strace");
        String prefix = trace == null ? "" : "strace -f -qq --seccomp-bpf -e trace=connect -o '" + Files.createDirectories(Path.of(trace)) + "'/gcloud.$$ ";
        Files.writeString(wrapper, String.join("\n",
                "#!/bin/sh",
                "# the real gcloud with a private config; logs start/end (ns) and exit code per call",
                "export CLOUDSDK_CONFIG='" + config + "'",
                "export CLOUDSDK_CORE_DISABLE_USAGE_REPORTING=true CLOUDSDK_COMPONENT_MANAGER_DISABLE_UPDATE_CHECK=true",
                "export CLOUDSDK_CORE_CHECK_GCE_METADATA=false CLOUDSDK_SURVEY_DISABLE_PROMPTS=true",
                "s=$(date +%s%N)",
                prefix + "'" + exe + "' \"$@\"",
                "rc=$?",
                "printf '%s %s %s %s\\n' \"$s\" \"$(date +%s%N)\" \"$rc\" \"$*\" >> '" + dir.resolve("calls.log") + "'",
                "exit $rc", ""));
        Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
        return new RealGcloud(dir, exe);
    }

    /** The wrapper the app runs as its gcloud. */
    public String path() { return dir.resolve("gcloud").toString(); }

    public Path config() { return dir.resolve("config"); }

    public List<Call> calls() throws IOException {
        Path log = dir.resolve("calls.log");
        List<Call> out = new ArrayList<>();
        if (!Files.exists(log)) return out;
        for (String l : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            String[] f = l.split(" ", 4);
            long s = Long.parseLong(f[0]);
            out.add(new Call(s, (Long.parseLong(f[1]) - s) / 1e9, Integer.parseInt(f[2]), f.length > 3 ? f[3] : ""));
        }
        return out;
    }

    /** "528.0.0", from gcloud version (run once per test class). */
    public String version() throws IOException {
        Process p = new ProcessBuilder(path(), "version", "--format=value(\"Google Cloud SDK\")").redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            p.waitFor(60, TimeUnit.SECONDS);
            return out.lines().reduce((a, b) -> b).orElse("?");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "?";
        }
    }

    public String executable() { return executable; }
}
