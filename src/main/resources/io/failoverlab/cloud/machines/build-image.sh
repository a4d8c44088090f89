#!/usr/bin/env bash
# Makes the cached root file system of one Debian release for "machines on this computer"
# (docs/architecture.md, "Machines"). Run as root by the app: build-image.sh CODENAME MIRROR DEST.
# Built in DEST.partial and renamed at the end, so a half-made image is never taken for a cached one.
set -euo pipefail
codename=$1 mirror=$2 dest=$3
partial="$dest.partial"
rm -rf "$partial"
mkdir -p "$(dirname "$dest")"
debootstrap --variant=minbase \
  --include=systemd,systemd-sysv,dbus,openssh-server,iproute2,sudo,nftables,procps,ca-certificates,less \
  "$codename" "$partial" "$mirror"
# Each machine gets its own host keys and machine id at creation, never the image's.
rm -f "$partial"/etc/ssh/ssh_host_*
: > "$partial/etc/machine-id"
# As on a cloud image: PostgreSQL packages must not create and start a "main" cluster.
mkdir -p "$partial/etc/postgresql-common"
echo 'create_main_cluster = false' > "$partial/etc/postgresql-common/createcluster.conf"
# No console login prompt waiting on a terminal nobody reads; sshd is what the app uses.
rm -f "$partial"/etc/systemd/system/getty.target.wants/* 2>/dev/null || true
apt-get -o RootDir="$partial" clean 2>/dev/null || rm -rf "$partial"/var/cache/apt/archives/*.deb
echo "$codename" > "$partial/etc/failover-lab-image"
rm -rf "$dest"
mv "$partial" "$dest"
du -sm "$dest" | cut -f1
