package io.failoverlab.lab;

import io.failoverlab.testing.EnglishText;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Every message a person reads, in Russian: each key of the app's message bundles rendered with
 * sample arguments, and every problem the lab's validation can find. None may carry a run of
 * English (testing.EnglishText: names, commands and pg_auto_failover's state names are allowed)
 * or a placeholder left unfilled.
 */
public class RussianMessagesTest {
    @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir;

    static final Locale RU = Locale.forLanguageTag("ru");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)(,\\s*(\\w+))?[^}]*}");
    /** An unfilled placeholder: "{0}", "{1,number,0.0}" left in the text a person reads. */
    public static final Pattern UNFILLED = Pattern.compile("\\{\\d+(,[^}]*)?}");

    /** Sample arguments for a pattern: a number where it formats one, else a name. */
    public static Object[] sampleArgs(String pattern) {
        int n = 0;
        Matcher m = PLACEHOLDER.matcher(pattern);
        List<String> kinds = new ArrayList<>(Collections.nCopies(32, null));
        while (m.find()) {
            int i = Integer.parseInt(m.group(1));
            n = Math.max(n, i + 1);
            if (m.group(3) != null) kinds.set(i, m.group(3));
        }
        Object[] a = new Object[n];
        for (int i = 0; i < n; i++) a[i] = kinds.get(i) == null ? "node" + (i + 1) : 2.5;
        return a;
    }

    /** The keys of a bundle (the base file): what the app can say. */
    public static Set<String> keys(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = RussianMessagesTest.class.getResourceAsStream(resource)) {
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return new TreeSet<>(p.stringPropertyNames());
    }

    /** "key: what is wrong" for a rendered Russian text. */
    public static List<String> problems(String key, String text) {
        List<String> out = new ArrayList<>();
        for (String run : EnglishText.runs(text.replaceAll("«[^»]*»", "«»"))) out.add(key + ": English «" + run + "» in: " + text);
        if (UNFILLED.matcher(text).find()) out.add(key + ": unfilled placeholder in: " + text);
        return out;
    }

    @Test
    void everyMessageKeyIsRussian() throws IOException {
        List<String> bad = new ArrayList<>();
        bad.addAll(walk(Msg.BUNDLE, "/io/failoverlab/lab/msg.properties"));
        bad.addAll(walk("io.failoverlab.report.report", "/io/failoverlab/report/report.properties"));
        bad.addAll(walk("io.failoverlab.ui.messages", "/io/failoverlab/ui/messages.properties"));
        assertEquals(List.of(), bad, String.join("\n", bad));
    }

    static List<String> walk(String bundle, String resource) throws IOException {
        Texts ru = new Texts(bundle, RU);
        List<String> bad = new ArrayList<>();
        for (String key : keys(resource)) {
            String pattern = ru.pattern(key);
            if (pattern == null) {
                bad.add(key + ": no Russian text");
                continue;
            }
            bad.addAll(problems(key, ru.format(pattern, sampleArgs(pattern))));
        }
        return bad;
    }

    /** Every problem LabValidator, MachinesSettings, GceSettings, Layout and a profile can have, in Russian. */
    @Test
    void everyValidationPathIsRussian() throws IOException {
        List<Msg> found = new ArrayList<>();
        // a lab with everything wrong at once
        LabSpec bad = new LabSpec();
        bad.monitor = null;
        bad.nodes = new ArrayList<>();
        bad.dataDir = "relative dir";
        bad.database = " ";
        bad.hosts = new ArrayList<>();
        found.addAll(LabValidator.messages(bad));
        LabSpec inst = LabSpec.local("/srv/lab", 80, 7001, 7001);
        inst.nodes.get(0).name = "bad name";
        inst.nodes.get(1).name = "monitor";
        inst.nodes.get(1).candidatePriority = 101;
        inst.monitor.host = "elsewhere";
        InstanceSpec unnamed = new InstanceSpec(null, "local", 7003);
        inst.nodes.add(unnamed);
        InstanceSpec clash = new InstanceSpec("node9", "local", 7003);
        inst.nodes.add(clash);
        HostSpec remote = HostSpec.ssh("far", " ", 0, " ", "/k");
        inst.hosts.add(remote);
        found.addAll(LabValidator.messages(inst));
        LabSpec gceMissing = new LabSpec();
        gceMissing.provider = "gce";
        found.addAll(LabValidator.messages(gceMissing));
        LabSpec machinesMissing = new LabSpec();
        machinesMissing.provider = "machines";
        found.addAll(LabValidator.messages(machinesMissing));
        MachinesSettings m = new MachinesSettings();
        m.debian = "11";
        m.layout = null;
        m.subnet = "10.999.1.0/24";
        m.user = "root";
        m.bootWaitSeconds = 1;
        found.addAll(m.messages());
        GceSettings g = new GceSettings();
        g.project = "BAD_Project";
        g.zone = "nowhere";
        g.machineType = "huge!";
        g.image = "debian-9";
        g.layout = null;
        g.user = "Root User";
        g.bootDiskGb = 1;
        g.sshFrom = "everyone";
        g.sshPort = 0;
        g.sshWaitSeconds = 1;
        found.addAll(g.messages());
        found.add(assertThrows(LabException.class, () -> Layout.parse("sideways")).msg());
        // profiles: missing, truncated, a bad layout, a bad value, a wrong type, a field of the wrong kind, not JSON
        java.nio.file.Path f = dir.resolve("lab.json");
        found.add(assertThrows(LabException.class, () -> LabProfiles.load(dir.resolve("none.json"))).msg());
        for (String text : List.of("{\"name\": \"x\", \"nodes\": [", "{\"name\": \"x\",\n \"machines\": {\"layout\": \"sideways\"}}",
                "{\"monitor\": {\"port\": \"many\"}}", "{\"nodes\": 5}", "{\"monitor\": {\"port\": [1]}}", "{\"name\": \"x\" ]",
                "{\"packageSource\": \"ppa\"}", "{\"ssl\": \"maybe\"}", "{\"monitor\": {\"port\": 99999999999}}")) {
            java.nio.file.Files.writeString(f, text);
            found.add(assertThrows(LabException.class, () -> LabProfiles.load(f)).msg());
        }
        java.nio.file.Files.createDirectories(dir.resolve("dir.json"));
        found.add(assertThrows(LabException.class, () -> LabProfiles.load(dir.resolve("dir.json"))).msg());

        Set<String> said = new TreeSet<>();
        List<String> bad2 = new ArrayList<>();
        for (Msg msg : found) {
            collect(msg, said);
            bad2.addAll(problems(msg.key(), msg.render(RU).replaceAll("\\S*/\\S*", " ")));
        }
        assertEquals(List.of(), bad2, String.join("\n", bad2));
        Set<String> all = new TreeSet<>();
        for (String k : keys("/io/failoverlab/lab/msg.properties")) {
            if (k.matches("(lab\\.invalid|machines\\.invalid|gce\\.invalid|lab\\.profile)\\..*|layout\\.unknown|packageSource\\.unknown|ssl\\.unknown")) all.add(k);
        }
        all.removeAll(said);
        assertEquals(Set.of(), all, "validation messages no input above produces");
    }

    private static void collect(Msg m, Set<String> keys) {
        keys.add(m.key());
        for (Object a : m.args()) if (a instanceof Msg inner) collect(inner, keys);
    }
}
