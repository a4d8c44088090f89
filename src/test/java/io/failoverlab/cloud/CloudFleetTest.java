package io.failoverlab.cloud;

import org.junit.jupiter.api.Tag;
import io.failoverlab.cli.Cli;
import io.failoverlab.lab.LabProfiles;
import io.failoverlab.lab.LabSpec;
import io.failoverlab.lab.LabStore;
import io.failoverlab.lab.Layout;
import io.failoverlab.testing.GceFixture;
import io.failoverlab.testing.TestLabs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A class: N identical per-role labs created with `labs create`, one after another and in
 * parallel, listed with state and cost, and deleted. The real gcloud runs against the local
 * Compute API where it is installed (its own start-up cost per call is part of the wall times),
 * the stand-in otherwise (it sleeps a fixed latency per call). Wall times are BENCH lines only.
 */
@Tag("cluster")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CloudFleetTest {
    static final int N = 2;
    static final double LATENCY = 0.3;
    static final double CREATE_LATENCY = 1.5;
    record Run(int code, String out, String err) { }

    Path root;
    Path config;
    Path template;
    GceFixture fx;

    @BeforeAll
    void setUp() throws Exception {
        root = TestLabs.tempRoot("gce-fleet-");
        config = root.resolve("config");
        fx = GceFixture.start(root, LATENCY, CREATE_LATENCY);
        template = root.resolve("template.json");
        LabProfiles.save(fx.lab("template", Layout.PER_ROLE, root), template);
    }

    @AfterAll
    void tearDown() {
        if (fx != null) {
            System.out.println(fx.bench());
            fx.close();
        }
        TestLabs.deleteTree(root);
    }

    Run cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] all = new String[args.length + 4];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(new String[]{"--gcloud", fx.gcloudPath(), "--config-dir", config.toString()}, 0, all, args.length, 4);
        int code = Cli.run(all, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static double wall(Run r) {
        String line = r.out().lines().filter(l -> l.contains("wall time")).findFirst().orElseThrow();
        return Double.parseDouble(line.replaceAll(".*wall time ([0-9.]+) s.*", "$1"));
    }

    @Test
    void createListAndDeleteAClass() throws Exception {
        int callsBefore = fx.calls().size();
        Run seq = cli("labs", "create", "--count", String.valueOf(N), "--prefix", "seq", "--lab", template.toString(), "--sequential");
        assertEquals(0, seq.code(), seq.out() + seq.err());
        int callsPerLab = (fx.calls().size() - callsBefore) / N;
        Run par = cli("labs", "create", "--count", String.valueOf(N), "--prefix", "par", "--lab", template.toString());
        assertEquals(0, par.code(), par.out() + par.err());
        assertEquals(2 * N * 3, fx.instances().size(), fx.instances().toString());
        LabStore store = LabStore.inConfigDir(config);
        assertEquals(2 * N, store.list().size());
        assertTrue(store.list().stream().allMatch(l -> l.hosts.size() == 3), "each stored lab knows its VMs");

        Run list = cli("labs");
        assertEquals(0, list.code(), list.err());
        for (int i = 1; i <= N; i++) {
            String name = "par-" + i + " ";
            String row = list.out().lines().filter(l -> l.startsWith(name)).findFirst().orElseThrow();
            assertTrue(row.contains("RUNNING 3/3") && row.contains("$0.1237"), row);
        }
        double perLab = CostEstimate.of(LabProfiles.load(template).gce, 3).perHour();
        assertTrue(list.out().contains("Running labs cost about " + CostEstimate.usd(2 * N * perLab) + " per hour"), list.out());

        Run delSeq = cli("labs", "delete", "--prefix", "seq", "--sequential");
        assertEquals(0, delSeq.code(), delSeq.out() + delSeq.err());
        Run delPar = cli("labs", "delete", "--prefix", "par");
        assertEquals(0, delPar.code(), delPar.out() + delPar.err());
        assertEquals(List.of(), fx.instances());
        assertEquals(List.of(), fx.firewallRules());
        assertEquals(0, store.list().size());
        assertTrue(fx.calls().stream().noneMatch(c -> c.contains("REJECTED")));
        if (fx.real()) {
            // deletes by label: every instance the class had, each exactly once; every VM's namespace gone
            assertEquals(2 * N * 3, fx.api().requests("instances.delete").size(), fx.api().summary());
            assertEquals(2 * N * 3, fx.api().requests("instances.delete").stream().map(r -> r.path()).distinct().count());
            assertTrue(fx.vms().names().isEmpty(), fx.vms().names().toString());
        }

        if (fx.real()) {
            System.out.printf(Locale.ROOT, "BENCH labs create N=%d per-role (3 VMs each), real gcloud: %d gcloud calls per lab, %.1f s mean per call%n",
                    N, callsPerLab, fx.gcloudSeconds(0) / fx.calls().size());
        } else {
            System.out.printf(Locale.ROOT, "BENCH labs create N=%d per-role (3 VMs each), stand-in latency %.1f s/call + %.1f s per create, %d gcloud calls per lab%n",
                    N, LATENCY, CREATE_LATENCY, callsPerLab);
        }
        System.out.printf(Locale.ROOT, "BENCH labs create sequential: %.1f s wall%n", wall(seq));
        System.out.printf(Locale.ROOT, "BENCH labs create parallel:   %.1f s wall (%.1fx faster)%n", wall(par), wall(seq) / wall(par));
        System.out.printf(Locale.ROOT, "BENCH labs delete sequential: %.1f s wall; parallel: %.1f s wall%n", wall(delSeq), wall(delPar));
    }

    @Test
    void badArgumentsAreOneSentence() {
        Run r = cli("labs", "create", "--count", "3");
        assertEquals(2, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        Run local = cli("labs", "create", "--count", "1", "--prefix", "x", "--lab", writeLocal());
        assertEquals(1, local.code());
        assertTrue(local.err().contains("is not a gce lab"), local.err());
    }

    private String writeLocal() {
        try {
            Path f = root.resolve("local.json");
            LabProfiles.save(LabSpec.localDefault(), f);
            return f.toString();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
