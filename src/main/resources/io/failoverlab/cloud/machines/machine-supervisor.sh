#!/usr/bin/env bash
# Runs one machine and keeps it running across its own reboots (docs/architecture.md, "Machines"):
# `systemctl reboot` inside makes systemd-nspawn exit with 133, and whoever started it must start
# it again. Any other exit (a power cut kills the machine's PID 1) ends the supervisor too.
# machine-supervisor.sh DIR NETNS NAME — DIR holds root/, console.log and the pid files.
dir=$1 ns=$2 name=$3
echo $$ > "$dir/supervisor.pid"
while :; do
  # CAP_NET_ADMIN: the machine's own packet filter (its firewall, a partition) in its own namespace.
  systemd-nspawn -D "$dir/root" --register=no --keep-unit -b --machine="$name" \
    --capability=CAP_NET_ADMIN --network-namespace-path="/run/netns/$ns" \
    >> "$dir/console.log" 2>&1 < /dev/null &
  echo $! > "$dir/nspawn.pid"
  wait $!
  rc=$?
  echo "[failover-lab] systemd-nspawn exited with $rc at $(date -u +%FT%TZ)" >> "$dir/console.log"
  [ "$rc" = 133 ] || break
done
rm -f "$dir/nspawn.pid" "$dir/supervisor.pid"
