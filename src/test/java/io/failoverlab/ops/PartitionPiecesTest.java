package io.failoverlab.ops;

import io.failoverlab.lab.Msg;
import io.failoverlab.lab.NodeState;

import io.failoverlab.lab.HostSpec;
import io.failoverlab.lab.LabException;
import io.failoverlab.lab.LabSpec;
import io.failoverlab.pgaf.TimingProfile;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The cut's script, the peers it drops, the refusals and the expected figures: no network. */
class PartitionPiecesTest {

    static LabSpec perRole() {
        LabSpec lab = LabSpec.local("/tmp/unused-partition-lab", 6000, 6001, 6002);
        lab.name = "pr";
        lab.hosts.clear();
        lab.hosts.add(HostSpec.ssh("m", "10.9.0.11", 22, "root", "/k"));
        lab.hosts.add(HostSpec.ssh("a", "10.9.0.12", 2222, "root", "/k"));
        HostSpec b = HostSpec.ssh("b", "203.0.113.7", 22, "root", "/k");
        b.internalAddress = "10.9.0.13";
        lab.hosts.add(b);
        lab.monitor.host = "m";
        lab.nodes.get(0).host = "a";
        lab.nodes.get(1).host = "b";
        return lab;
    }

    @Test
    void peersAreTheOtherHostsAddressesByCase() {
        LabSpec lab = perRole();
        assertEquals(List.of("10.9.0.11", "203.0.113.7", "10.9.0.13"), PartitionPeers.addresses(lab, lab.nodes.get(0), Partition.From.ALL, null));
        assertEquals(List.of("10.9.0.11"), PartitionPeers.addresses(lab, lab.nodes.get(0), Partition.From.MONITOR, null));
        assertEquals(List.of("10.9.0.12"), PartitionPeers.addresses(lab, lab.nodes.get(1), Partition.From.STANDBYS, null));
        assertTrue(PartitionPeers.perRole(lab));
    }

    @Test
    void refusals() {
        LabSpec lab = perRole();
        LabException m = assertThrows(LabException.class, () -> PartitionPeers.node(lab, "monitor"));
        assertTrue(m.getMessage().startsWith("The monitor is not partitioned"), m.getMessage());
        LabException u = assertThrows(LabException.class, () -> PartitionPeers.node(lab, "node7"));
        assertTrue(u.getMessage().contains("node1, node2"), u.getMessage());
        lab.nodes.get(1).host = "a"; // two nodes on one host: nothing to cut between them
        LabException shared = assertThrows(LabException.class, () -> PartitionPeers.addresses(lab, lab.nodes.get(0), Partition.From.ALL, null));
        assertTrue(shared.getMessage().contains("shares its host"), shared.getMessage());
        assertFalse(PartitionPeers.perRole(lab));
        LabSpec one = LabSpec.local("/tmp/unused-partition-lab", 6000, 6001, 6002);
        LabException single = assertThrows(LabException.class, () -> PartitionPeers.node(one, "node1"));
        assertTrue(single.getMessage().contains("on one host") && single.getMessage().contains("per-role"), single.getMessage());
        LabSpec named = perRole();
        named.hosts.get(0).address = "monitor.example";
        assertThrows(LabException.class, () -> PartitionPeers.addresses(named, named.nodes.get(0), Partition.From.ALL, null));
    }

    @Test
    void scriptKeepsSshOpenAndDropsOnlyThePeers() {
        String s = PartitionFilter.script(List.of("10.9.0.11", "fd00::5"), 2222, "failover-lab node1 from all");
        assertTrue(s.contains("table inet failover_lab_partition {}\ndelete table inet failover_lab_partition\n"), s);
        assertTrue(s.indexOf("tcp dport 2222 accept") < s.indexOf("ip saddr { 10.9.0.11 } drop"), s);
        assertFalse(s.contains("reject") || s.contains("REJECT"), "a pulled cable answers nothing: " + s);
        assertTrue(s.contains("tcp sport 2222 accept") && s.contains("ip daddr { 10.9.0.11 } drop"), s);
        assertTrue(s.contains("ip6 saddr { fd00::5 } drop") && s.contains("ip6 daddr { fd00::5 } drop"), s);
        // the fallback: a chain of our own, jumped to from INPUT and OUTPUT once
        assertTrue(s.contains("iptables -N FAILOVER_LAB_PARTITION") && s.contains("iptables -A FAILOVER_LAB_PARTITION -s 10.9.0.11 -j DROP")
                && s.contains("iptables -A FAILOVER_LAB_PARTITION -d 10.9.0.11 -j DROP"), s);
        assertTrue(s.contains("iptables -C INPUT -j FAILOVER_LAB_PARTITION 2>/dev/null || iptables -I INPUT 1 -j FAILOVER_LAB_PARTITION"), s);
        assertTrue(s.contains("ip6tables -A FAILOVER_LAB_PARTITION -d fd00::5 -j DROP"), s);
        assertFalse(s.contains("flush ruleset") || s.contains("iptables -F INPUT"), "never touches other rules");
        String r = PartitionFilter.removeScript();
        assertTrue(r.contains("nft delete table inet failover_lab_partition") && r.contains("-X FAILOVER_LAB_PARTITION"), r);
        assertFalse(r.contains("flush ruleset"), r);
    }

    @Test
    void expectedFiguresFromTheTimeoutsInForce() {
        // fast: 3 s of silence (refused checks fail sooner: 1 + 0.5 s), then 3 s demote, +1
        assertEquals(7.0, TimingProfile.expectedPartitionFailoverSeconds(TimingProfile.FAST.monitorSettings()), 1e-9);
        // default: 20 s (checks: 5 + 2×2 = 9 s), then 30 s, +1
        assertEquals(51.0, TimingProfile.expectedPartitionFailoverSeconds(TimingProfile.DEFAULT.monitorSettings()), 1e-9);
        // pg_auto_failover sets wal_sender_timeout 30 s: the walsender lists the standby that long
        assertEquals(51.0, TimingProfile.expectedSelfDemoteSeconds(20, 30), 1e-9);
        assertEquals(33.0, TimingProfile.expectedSelfDemoteSeconds(2, 30), 1e-9);
    }

    /** The story of a cut is data: its English is the CLI's sentence, its Russian holds no English sentence. */
    @Test
    void theStoryOfACutIsTextInEitherLanguage() {
        PartitionWatch.Seen seen = new PartitionWatch.Seen();
        seen.promotedInMonitor = 11.7;
        seen.firstWriteElsewhere = 14.0;
        seen.newPrimary = "node1";
        seen.selfDemote = 33.26;
        seen.selfDemoteHow = "Postgres stopped";
        seen.isolatedTrail = new StateTrail("node2", System.nanoTime(), NodeState.PRIMARY);
        seen.primaryTrail = new StateTrail("node2", System.nanoTime(), NodeState.PRIMARY);
        LabSpec lab = perRole();
        PartitionProbe probe = new PartitionProbe(List.of(new io.failoverlab.check.PgNode("node1", "127.0.0.1", 6001)),
                new io.failoverlab.check.PgNode("node2", "127.0.0.1", 6002), DataConnections.settings(lab));
        Partition.PartitionExpect expect = new Partition.PartitionExpect(7, 33, 4, 2, 30, "fast");
        PartitionStory story = new PartitionStory("node2", Partition.From.ALL, "node2", false, "nftables", expect, seen, probe,
                io.failoverlab.lab.ClusterSnapshot.unreachable("test"));
        io.failoverlab.lab.Msg m = story.primaryFromAll();
        String en = m.english();
        assertTrue(en.startsWith("Cut node2 (the primary) off from the monitor and the other nodes with nftables: the monitor promoted node1"
                + " after 11.7 s and the first write succeeded there after 14.0 s (expected about 7 s"), en);
        assertTrue(en.contains("node2, with neither monitor nor standby contact, fenced itself after 33.3 s (Postgres stopped, 21.6 s after"
                + " the promotion: two primaries meanwhile"), en);
        assertTrue(en.contains("0 writes were acknowledged on node2 after another node was promoted (no split brain"), en);
        assertTrue(en.endsWith("`heal` brings node2 back as a secondary."), en);
        String ru = m.render(java.util.Locale.forLanguageTag("ru"));
        assertTrue(ru.startsWith("Узел node2 (primary) отрезан от монитора и остальных узлов средствами nftables: монитор сделал primary"
                + " узел node1 через 11,7 с"), ru);
        assertTrue(ru.contains("отключил себя сам через 33,3 с") && ru.contains("split brain нет"), ru);
        assertFalse(ru.contains("the ") || ru.contains("writes") || ru.contains("Monitor"), ru);

        Msg standby = new PartitionStory("node1", Partition.From.ALL, "node2", true, "nftables", expect, seen, probe,
                io.failoverlab.lab.ClusterSnapshot.unreachable("test")).standby();
        assertTrue(standby.english().startsWith("Cut (again, replacing the earlier cut) node1 (a standby) off from"), standby.english());
        assertTrue(standby.render(java.util.Locale.forLanguageTag("ru")).startsWith("Узел node1 (резервный) снова отрезан"),
                standby.render(java.util.Locale.forLanguageTag("ru")));
    }
}
