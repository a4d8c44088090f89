package io.failoverlab.cli;

/** Help texts of the headless verbs. */
final class Usage {
    private Usage() { }

    static String text() {
        return "Usage: java -jar failover-lab.jar [VERB] [options]\n"
                + "Without a verb the console window opens.\n\n"
                + "Verbs:\n"
                + "  up                 install what is missing, create the monitor and nodes, wait for primary/secondary\n"
                + "  status [--json]    the monitor's view of every node\n"
                + "  watch              print each state change as the monitor notifies it (Ctrl+C to stop)\n"
                + "  switchover         planned switch of roles (needs a healthy secondary)\n"
                + "  failover           failover of the group: a switchover when healthy, else wait for the monitor's own\n"
                + "  kill-primary --mode postgres|node|vm|network   inject a fault on the primary and explain what follows\n"
                + "  partition NODE [--from all|monitor|standbys]   cut a node's machine off (its own packet filter); heal [NODE] undoes it\n"
                + "  profile fast|default   failure-detection timings (fast: failover in seconds, for demos)\n"
                + "  datacheck [--rows N] [--recreate]   ha_test on the primary, then rows and read-only on every node\n"
                + "  scenario seed [--profile fast|default] --json FILE   the whole exercise, measured, as JSON\n"
                + "  drop-node NAME     remove a node from the formation (the other node of two becomes single)\n"
                + "  add-node [NAME]    re-create a dropped node (default: the first not registered) as secondary\n"
                + "  maintenance NAME on|off   maintenance through the monitor (on a primary: a failover first)\n"
                + "  promote NAME       make NAME the primary\n"
                + "  set NAME candidate-priority N | set NAME replication-quorum true|false\n"
                + "  set formation number-sync-standbys N   replication settings, applied by the monitor\n"
                + "  stop-node NAME     stop a node's keeper and Postgres and show what the monitor does\n"
                + "  start-node NAME    start it again and wait until it has rejoined\n"
                + "  stop-monitor       stop the monitor: nodes keep serving, no failover is possible\n"
                + "  start-monitor      start the monitor again\n"
                + "  down [--destroy]   stop every keeper; --destroy also deletes the lab's data (a gce lab: its VMs and firewall rules)\n"
                + "  report --out DIR [--lang en|ru] [--redact]   the lab report (Markdown + self-contained HTML) from the lab's journal\n"
                + "  labs [list|create|delete]  labs with state and cost; N identical gce labs for a class; delete them\n\n"
                + "Common options:\n"
                + "  --lab FILE         a lab profile (JSON); default: the local lab (monitor 6000, node1 6001, node2 6002)\n"
                + "  --data-dir DIR     parent folder of every PGDATA (local lab default " + io.failoverlab.lab.LabSpec.DEFAULT_DATA_DIR + ")\n"
                + "  --monitor-port N   --node-ports A,B   override the lab's ports\n"
                + "  --no-install       fail instead of installing packages when pg_autoctl is missing\n"
                + "  --known-hosts FILE the SSH known_hosts file to use (default: the app's own, in its config folder)\n"
                + "  --verbose          print every command and its output\n"
                + "  --config-dir DIR   the app's folder (labs/, keys/, known_hosts); default the user's config folder\n"
                + "  --gcloud PATH      the gcloud CLI to use for gce labs (default: the profile's, else gcloud on PATH)\n"
                + "  --lang en|ru       language of the output\n"
                + "  --journal DIR      the lab's journal folder (default CONFIG/journals/<lab name>); --no-journal keeps none\n";
    }

    static String verb(String verb) {
        switch (verb) {
            case "up": return "Usage: up [--lab FILE] [--no-install] [--verbose]\nBrings the lab to one primary and its secondaries; safe to run again.\n";
            case "status": return "Usage: status [--json] [--lab FILE]\nPrints the monitor's view of every node.\n";
            case "watch": return "Usage: watch [--lab FILE] [--for SECONDS]\nPrints each state change as the monitor notifies it.\n";
            case "switchover": return "Usage: switchover [--lab FILE]\nPromotes the secondary and demotes the primary; waits until both settled.\n";
            case "failover": return "Usage: failover [--lab FILE]\nWith a healthy primary the same as switchover; with a dead one, waits for the monitor's failover.\n";
            case "partition": return "Usage: partition NODE [--from all|monitor|standbys] [--json FILE] [--lab FILE]\n"
                    + "Cuts NODE's machine off from the monitor and/or the other nodes with its own nftables table (iptables where nft is missing),\n"
                    + "keeping the console's SSH open, and explains what pg_auto_failover did, measured. Needs one machine per role.\n";
            case "heal": return "Usage: heal [NODE] [--json FILE] [--lab FILE]\nRemoves the app's cut (NODE's, or every one) and waits until the nodes have rejoined.\n";
            case "kill-primary": return "Usage: kill-primary --mode postgres|node|vm|network [--json FILE] [--lab FILE]\n"
                    + "  postgres  SIGKILL the primary's postmaster only: its keeper restarts it, usually no failover\n"
                    + "  node      kill keeper and Postgres together: a real failover follows, measured\n"
                    + "  vm        stop the primary's VM (cloud labs only)\n"
                    + "  network   cut the primary off from the monitor and the other nodes (= partition PRIMARY --from all)\n";
            case "profile": return "Usage: profile fast|default [--lab FILE]\nSets the monitor's health-check timings and the keepers' partition timeout.\n";
            case "datacheck": return "Usage: datacheck [--rows N] [--recreate] [--insert K] [--lab FILE]\n"
                    + "Creates ha_test (generate_series(1, N), default 1,000,000) on the primary unless it exists, inserts K rows (default 10),\n"
                    + "then shows count, max(ser_id) and read-only on every node. A standby refusing the INSERT is expected.\n";
            case "scenario": return "Usage: scenario seed [--profile fast|default] --json FILE [--lab FILE]\n"
                    + "Runs the original exercise end to end with a write probe on and writes the measured figures.\n";
            case "drop-node": return "Usage: drop-node NAME [--lab FILE]\nRemoves NAME from the formation (pg_autoctl drop node) and stops its keeper.\n"
                    + "Dropping the secondary of two leaves the other single; dropping the primary makes the other take over.\n"
                    + "The last node is never dropped.\n";
            case "add-node": return "Usage: add-node [NAME] [--lab FILE]\nRe-creates a dropped node (default: the first lab node not registered at the monitor):\n"
                    + "removes its leftover local state, creates it again from the primary and waits until it is secondary.\n";
            case "maintenance": return "Usage: maintenance NAME on|off [--lab FILE]\nPuts NAME in maintenance or takes it out (monitor start/stop_maintenance).\n"
                    + "On a primary, maintenance means a failover first.\n";
            case "promote": return "Usage: promote NAME [--lab FILE]\nMakes NAME the primary (perform_promotion) and waits until the others are secondary.\n";
            case "set": return "Usage: set NAME candidate-priority 0..100 | set NAME replication-quorum true|false | set formation number-sync-standbys N\n"
                    + "Changes a replication setting at the monitor and waits until the primary has applied it.\n";
            case "stop-node": return "Usage: stop-node NAME [--lab FILE]\nStops NAME's keeper and Postgres and waits for the monitor's reaction\n"
                    + "(a stopped standby: the primary goes wait_primary; a stopped primary: failover).\n";
            case "start-node": return "Usage: start-node NAME [--lab FILE]\nStarts NAME's keeper and waits until it has rejoined and the cluster converged.\n";
            case "stop-monitor": return "Usage: stop-monitor [--lab FILE]\nStops the monitor; the nodes keep serving but no failover is possible.\n";
            case "start-monitor": return "Usage: start-monitor [--lab FILE]\nStarts the monitor and waits until every keeper reports to it again.\n";
            case "down": return "Usage: down [--destroy] [--lab FILE]\nStops every keeper; --destroy also deletes the lab's data folders; for a gce lab it deletes exactly the VMs and firewall rules carrying the lab's label, listing them first.\n";
            case "report": return "Usage: report --out DIR [--lang en|ru] [--lab FILE] [--journal DIR] [--redact]\n"
                    + "Writes DIR/report.md, DIR/report.html (images embedded) and DIR/images/ from the lab's journal: the checkpoints at a\n"
                    + "glance, then preparation, installation, monitor, nodes, testing (each with its commands, folded output, the state\n"
                    + "table after it, screenshots and a verdict), the measured figures with the failover timeline, and the conclusion\n"
                    + "(conclusion.md in the journal folder, else a draft). --redact replaces the lab's folders and the home folder with placeholders.\n";
            case "labs": return "Usage: labs [list] [--project P]\n"
                    + "       labs create --count N --prefix NAME --lab TEMPLATE.json [--sequential]\n"
                    + "       labs delete --prefix NAME | labs delete NAME... [--sequential]\n"
                    + "Lists labs with their state and cost; creates N identical gce labs (NAME-1..NAME-N) in parallel; deletes them.\n";
            default: return text();
        }
    }
}
