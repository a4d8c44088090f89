#!/usr/bin/env bash
# Installs and starts what the tests need on a Debian 12 machine: OpenSSH server, Xvfb and GTK 3
# for the JavaFX window, systemd-nspawn, debootstrap and apt-cacher-ng for the machines labs.
# PostgreSQL + pg_auto_failover are NOT installed here: the first test
# (install.InstallerTest) installs them with the app's own installer (distro source).
# Idempotent; run by `mvn verify` before the tests.
# Xvfb is started on a free display and its PID written to target/xvfb.pid; the tests' JVM
# stops it when the test run ends (io.failoverlab.testing.TestHostSession).
set -euo pipefail
target="${1:-target}"
mkdir -p "$target"

SUDO=""
if [ "$(id -u)" != 0 ]; then
  if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then SUDO="sudo -n"; else
    echo "The tests install packages and run clusters as postgres: run them as root or with password-less sudo." >&2
    exit 1
  fi
fi

need=()
[ -x /usr/sbin/sshd ] || need+=(openssh-server)
command -v Xvfb >/dev/null || need+=(xvfb)
dpkg -s libgtk-3-0 >/dev/null 2>&1 || need+=(libgtk-3-0)
command -v import >/dev/null || need+=(imagemagick)
command -v ssh-keygen >/dev/null || need+=(openssh-client)
# machines on this computer (cloud.machines): boot, image, apt proxy for the machines; partitions
# cut a host off with its own packet filter
command -v systemd-nspawn >/dev/null || need+=(systemd-container)
[ -x /usr/sbin/debootstrap ] || need+=(debootstrap)
[ -x /usr/sbin/apt-cacher-ng ] || need+=(apt-cacher-ng)
command -v nft >/dev/null || [ -x /usr/sbin/nft ] || need+=(nftables)
command -v sudo >/dev/null || need+=(sudo)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing test prerequisites: ${need[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
$SUDO mkdir -p /run/sshd

# A login with sudo that wants a password, as on a student's laptop (issue 23): fl-student in group
# sudo. Its password is made on the first run and kept in target/ (mode 600) for the tests; it
# reaches chpasswd on stdin only.
id fl-student >/dev/null 2>&1 || $SUDO useradd -m -s /bin/bash -G sudo fl-student
$SUDO usermod -aG sudo fl-student
if [ ! -s "$target/sudo-test-password" ]; then
  (umask 077; head -c 18 /dev/urandom | base64 | tr -d '/+=\n' > "$target/sudo-test-password")
fi
{ printf 'fl-student:'; cat "$target/sudo-test-password"; printf '\n'; } | $SUDO chpasswd

# Xvfb on display :99 (the pom gives the tests DISPLAY=:99). An X server already there is reused;
# one started here is stopped by the tests' JVM through target/xvfb.pid.
d=99
if [ -e "/tmp/.X$d-lock" ]; then
  owner=$(tr -d ' ' < "/tmp/.X$d-lock" || true)
  if [ -n "$owner" ] && kill -0 "$owner" 2>/dev/null; then echo "X server on :$d already running"; exit 0; fi
  rm -f "/tmp/.X$d-lock" "/tmp/.X11-unix/X$d"   # stale lock of a server that is gone
fi
# timeout: a run killed before its JVM could stop Xvfb leaves nothing behind for long.
nohup timeout 3h Xvfb ":$d" -screen 0 1600x1000x24 -nolisten tcp >"$target/xvfb.log" 2>&1 &
echo $! > "$target/xvfb.pid"
for _ in $(seq 1 50); do [ -e "/tmp/.X11-unix/X$d" ] && break; sleep 0.1; done
echo "Xvfb started on :$d"
