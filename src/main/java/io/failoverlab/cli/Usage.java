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
                + "  down [--destroy]   stop every keeper; --destroy also deletes the lab's data (a gce lab: its VMs and firewall rules)\n"
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
                + "  --lang en|ru       language of the output\n";
    }

    static String verb(String verb) {
        switch (verb) {
            case "up": return "Usage: up [--lab FILE] [--no-install] [--verbose]\nBrings the lab to one primary and its secondaries; safe to run again.\n";
            case "status": return "Usage: status [--json] [--lab FILE]\nPrints the monitor's view of every node.\n";
            case "watch": return "Usage: watch [--lab FILE] [--for SECONDS]\nPrints each state change as the monitor notifies it.\n";
            case "down": return "Usage: down [--destroy] [--lab FILE]\nStops every keeper; --destroy also deletes the lab's data folders; for a gce lab it deletes exactly the VMs and firewall rules carrying the lab's label, listing them first.\n";
            case "labs": return "Usage: labs [list] [--project P]\n"
                    + "       labs create --count N --prefix NAME --lab TEMPLATE.json [--sequential]\n"
                    + "       labs delete --prefix NAME | labs delete NAME... [--sequential]\n"
                    + "Lists labs with their state and cost; creates N identical gce labs (NAME-1..NAME-N) in parallel; deletes them.\n";
            default: return text();
        }
    }
}
