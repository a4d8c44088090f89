#!/usr/bin/env bash
# Renders the app icon from the SVG master: PNGs 16..512 px, failover-lab.ico (Windows),
# failover-lab.icns (macOS), and copies the 16..256 PNGs into the jar's resources so the
# window can set them (io/failoverlab/icons/failover-lab-<size>.png).
# Needs: rsvg-convert (librsvg2-bin), convert (imagemagick), png2icns (icnsutils).
#   Debian: apt-get install -y librsvg2-bin imagemagick icnsutils
set -euo pipefail
cd "$(dirname "$0")"
src=failover-lab.svg
res=../src/main/resources/io/failoverlab/icons

for tool in rsvg-convert convert png2icns; do
  command -v "$tool" >/dev/null || { echo "render.sh needs $tool (apt-get install -y librsvg2-bin imagemagick icnsutils)" >&2; exit 1; }
done

sizes=(16 24 32 48 64 128 256 512)
mkdir -p png
for s in "${sizes[@]}"; do
  rsvg-convert -w "$s" -h "$s" "$src" -o "png/failover-lab-$s.png"
done

# Windows: one .ico holding 16..256 (256 is stored as PNG inside the .ico).
convert png/failover-lab-{16,24,32,48,64,128,256}.png failover-lab.ico

# macOS: png2icns takes the sizes the ICNS format knows (16, 32, 48, 128, 256, 512).
png2icns failover-lab.icns png/failover-lab-{16,32,48,128,256,512}.png >/dev/null

# Linux packaging uses the 512 px PNG directly as the launcher icon (packaging/jpackage.sh).
mkdir -p "$res"
for s in 16 24 32 48 64 128 256; do
  cp "png/failover-lab-$s.png" "$res/failover-lab-$s.png"
done
echo "icons rendered: png/ (${sizes[*]} px), failover-lab.ico, failover-lab.icns, $res"
