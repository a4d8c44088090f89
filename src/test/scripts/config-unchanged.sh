#!/usr/bin/env bash
# The tests must leave the person's own configuration (~/.config/failover-lab: labs, journals,
# passwords, keys, known_hosts) as it was; the test JVM gets a folder under target/ instead
# (LabProfiles.CONFIG_DIR_ENV, set by the pom).
#   config-unchanged.sh snapshot TARGET   before the tests: lists every file with its checksum
#   config-unchanged.sh check TARGET      after the tests: fails, naming the changes, if anything differs
set -euo pipefail
mode="$1"; target="${2:-target}"
dir="${XDG_CONFIG_HOME:-$HOME/.config}/failover-lab"
before="$target/config-before.txt"

listing() {
  if [ ! -d "$dir" ]; then echo "(no folder)"; return; fi
  cd "$dir"
  find . -mindepth 1 \( -type d -printf 'dir %p\n' \) -o \( -type l -printf 'link %p -> %l\n' \) -o \
    \( -type f -exec sha256sum {} + \) | LC_ALL=C sort
}

case "$mode" in
  snapshot) mkdir -p "$target"; listing > "$before" ;;
  check)
    [ -f "$before" ] || { echo "no snapshot of $dir was taken before the tests" >&2; exit 1; }
    if ! diff -u "$before" <(listing) > "$target/config-diff.txt"; then
      echo "The test run changed $dir (the person's own labs, journals and keys):" >&2
      tail -n +3 "$target/config-diff.txt" | grep '^[-+]' | head -40 >&2
      echo "A test names a lab or a file without its own config folder." >&2
      exit 1
    fi
    echo "$dir unchanged by the tests" ;;
  *) echo "usage: $0 snapshot|check TARGET" >&2; exit 2 ;;
esac
