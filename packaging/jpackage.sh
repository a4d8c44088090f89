#!/usr/bin/env bash
# Builds the packaged app from target/failover-lab.jar + target/lib (run `mvn -B package` first, or
# `mvn -B -Ppackage package`, which runs this script after the jar):
#   1. a trimmed Java runtime (jlink) with only the modules the app and its libraries use;
#   2. per OS: Linux an app image and a .deb; macOS a .dmg; Windows an .msi (jpackage cannot
#      cross-build: each installer is built on its own OS).
# Usage: packaging/jpackage.sh [--target DIR] [--version X.Y.Z] [--type app-image|deb|dmg|msi]...
#                              [--types LIST]   (comma-separated; empty = this OS's default)
# Defaults: Linux app-image,deb; macOS dmg; Windows msi.
# Output: TARGET/jpackage/{runtime,image,dist}; modules used in TARGET/jpackage/modules.txt.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"   # the @argument files use paths relative to the project folder

target=target version="" types=()
while [ $# -gt 0 ]; do
  case "$1" in
    --target) target=$2; shift 2 ;;
    --version) version=$2; shift 2 ;;
    --type) types+=("$2"); shift 2 ;;
    --types) # Maven may pass an empty value or drop it: both mean "this OS's default"
      if [ $# -gt 1 ] && [ "${2#-}" = "$2" ]; then
        IFS=, read -r -a more <<< "$2"; types+=(${more[@]+"${more[@]}"}); shift
      fi
      shift ;;
    *) echo "jpackage.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
[ -n "$version" ] || version=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' pom.xml | head -1)
app_version=${version%%-*}   # jpackage wants numbers and dots: 0.1.0-SNAPSHOT -> 0.1.0

case "$(uname -s)" in
  Linux) os=linux ;;
  Darwin) os=macos ;;
  MINGW*|MSYS*|CYGWIN*) os=windows ;;
  *) echo "jpackage.sh: unsupported OS $(uname -s)" >&2; exit 2 ;;
esac
if [ ${#types[@]} -eq 0 ]; then
  case $os in linux) types=(app-image deb) ;; macos) types=(dmg) ;; windows) types=(msi) ;; esac
fi
if [ $os = macos ] && [ "${app_version%%.*}" = 0 ]; then
  # macOS bundles refuse a version whose first number is 0.
  echo "jpackage.sh: macOS needs a first version number >= 1; packaging $app_version as 1.0.0" >&2
  app_version=1.0.0
fi

if [ -z "${JAVA_HOME:-}" ]; then
  if [ $os = macos ]; then JAVA_HOME=$(/usr/libexec/java_home -v 17)
  else JAVA_HOME=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")"); fi
fi
bin=$JAVA_HOME/bin
for t in jdeps jlink jpackage; do
  [ -x "$bin/$t" ] || [ -x "$bin/$t.exe" ] || { echo "jpackage.sh: $bin/$t is missing (a full JDK 17 is needed)" >&2; exit 1; }
done
[ -d "$JAVA_HOME/jmods" ] || { echo "jpackage.sh: $JAVA_HOME/jmods is missing; jlink needs the JDK's jmods" >&2; exit 1; }

jar=$target/failover-lab.jar
[ -f "$jar" ] && [ -d "$target/lib" ] || { echo "jpackage.sh: $jar and $target/lib are missing; run 'mvn -B package' first" >&2; exit 1; }

# Linux .deb needs fakeroot and dpkg-deb; install them when missing (as root).
if [ $os = linux ] && printf '%s\n' "${types[@]}" | grep -qx deb; then
  need=()
  command -v fakeroot >/dev/null || need+=(fakeroot)
  command -v dpkg-shlibdeps >/dev/null || need+=(dpkg-dev)
  if [ ${#need[@]} -gt 0 ]; then
    sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo -n"
    echo "Installing ${need[*]} for the .deb"
    $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  fi
fi

work=$target/jpackage
rm -rf "$work"
mkdir -p "$work/input/lib" "$work/image" "$work/dist"
cp "$jar" "$work/input/"
cp "$target"/lib/*.jar "$work/input/lib/"   # the jar's manifest Class-Path points at lib/

# 1. Modules. jdeps finds what the code needs (the command of the brief, plus every library jar
# on its own since the JavaFX jars are used from the class path). Added by hand, because they
# are loaded through services and no jdeps can see them:
#   jdk.crypto.ec    EC / Ed25519 / X25519 keys and key exchange (SSH via JSch, TLS to PostgreSQL)
#   jdk.localedata   Russian dates and numbers (only the en and ru locales are kept)
#   jdk.unsupported.desktop, java.desktop  JavaFX <-> AWT images (screenshots for the report)
extra=jdk.crypto.ec,jdk.localedata,jdk.unsupported,jdk.unsupported.desktop,java.desktop
echo "Finding modules with jdeps ..."
mods=$( {
  "$bin/jdeps" --ignore-missing-deps --print-module-deps --multi-release 17 \
      --class-path "$target/lib/*" "$jar" 2>/dev/null | tail -1
  "$bin/jdeps" --ignore-missing-deps --print-module-deps --multi-release 17 \
      "$jar" "$target"/lib/*.jar 2>/dev/null | tail -1
  echo "$extra"
} | tr ',' '\n' | tr -d '\r' | grep -E '^[a-z][a-z0-9.]*$' | sort -u | paste -sd, -)
echo "$mods" > "$work/modules.txt"
echo "Modules: $mods"

echo "jlink ..."
"$bin/jlink" --add-modules "$mods" --include-locales=en,ru \
  --strip-debug --no-header-files --no-man-pages --compress=2 \
  --output "$work/runtime"

common=(@packaging/jpackage-common.args --app-version "$app_version")
app_image() {
  echo "jpackage app-image ..."
  "$bin/jpackage" --type app-image "${common[@]}" --input "$work/input" \
    --runtime-image "$work/runtime" --icon icons/png/failover-lab-512.png --dest "$work/image"
}
for type in "${types[@]}"; do
  case $type in
    app-image) app_image ;;
    deb)
      [ -d "$work/image/failover-lab" ] || app_image
      echo "jpackage deb ..."
      "$bin/jpackage" --type deb --app-image "$work/image/failover-lab" --name failover-lab \
        --app-version "$app_version" --description "Desktop console for pg_auto_failover high-availability labs" \
        --vendor "Failover Lab" @packaging/linux/jpackage.args --dest "$work/dist"
      [ -f packaging/linux/finish-deb.sh ] && bash packaging/linux/finish-deb.sh "$work/dist"/failover-lab_"$app_version"-1_*.deb
      ;;
    dmg)
      "$bin/jpackage" "${common[@]}" @packaging/macos/jpackage.args --input "$work/input" \
        --runtime-image "$work/runtime" --dest "$work/dist"
      ;;
    msi)
      "$bin/jpackage" "${common[@]}" @packaging/windows/jpackage.args --input "$work/input" \
        --runtime-image "$work/runtime" --dest "$work/dist"
      ;;
    *) echo "jpackage.sh: unknown type $type" >&2; exit 2 ;;
  esac
done

echo "Done in ${SECONDS} s. Sizes:"
du -sh "$work/runtime" 2>/dev/null | sed 's/^/  runtime   /'
[ -d "$work/image/failover-lab" ] && du -sh "$work/image/failover-lab" | sed 's/^/  app image /'
for f in "$work"/dist/*; do [ -f "$f" ] && du -h "$f" | sed 's/^/  package   /'; done
exit 0
