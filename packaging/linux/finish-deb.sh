#!/usr/bin/env bash
# Completes the .deb that JDK 17's jpackage makes (it has no option for these), so that every file
# belongs to the package and leaves with `dpkg -r`:
#   /usr/share/applications/failover-lab.desktop              desktop entry (packaging/linux)
#   /usr/share/metainfo/io.failoverlab.FailoverLab.metainfo.xml  AppStream metadata (packaging/linux)
#   /usr/share/icons/hicolor/{16..512,scalable}/apps/failover-lab.*  theme icons (icons/)
#   /usr/bin/failover-lab -> /opt/failover-lab/bin/failover-lab  the launcher on PATH
#   Depends: + libgtk-3-0   JavaFX's Linux windowing needs GTK 3; jpackage cannot see it because
#                           JavaFX's native libraries sit inside its jars, not in the runtime.
# Usage: packaging/linux/finish-deb.sh FILE.deb   (rewrites FILE.deb in place)
set -euo pipefail
deb=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
cd "$(dirname "$0")/../.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
p=$tmp/pkg
dpkg-deb -R "$deb" "$p"

install -Dm644 packaging/linux/failover-lab.desktop "$p/usr/share/applications/failover-lab.desktop"
install -Dm644 packaging/linux/io.failoverlab.FailoverLab.metainfo.xml \
  "$p/usr/share/metainfo/io.failoverlab.FailoverLab.metainfo.xml"
for s in 16 24 32 48 64 128 256 512; do
  install -Dm644 "icons/png/failover-lab-$s.png" "$p/usr/share/icons/hicolor/${s}x${s}/apps/failover-lab.png"
done
install -Dm644 icons/failover-lab.svg "$p/usr/share/icons/hicolor/scalable/apps/failover-lab.svg"
mkdir -p "$p/usr/bin"
ln -sf /opt/failover-lab/bin/failover-lab "$p/usr/bin/failover-lab"

ctl=$p/DEBIAN/control
grep -q 'libgtk-3-0' "$ctl" || sed -i 's/^\(Depends: .*[^ ]\) *$/\1, libgtk-3-0/' "$ctl"
size=$(du -sk --exclude=DEBIAN "$p" | cut -f1)
sed -i "s/^Installed-Size: .*/Installed-Size: $size/" "$ctl"
(cd "$p" && find . -path ./DEBIAN -prune -o -type f -print | sed 's|^\./||' | LC_ALL=C sort \
  | xargs -d '\n' md5sum) > "$p/DEBIAN/md5sums"

dpkg-deb --root-owner-group --build "$p" "$deb" >/dev/null
echo "Completed $deb (desktop entry, AppStream metadata, icons, /usr/bin/failover-lab, Depends libgtk-3-0)"
