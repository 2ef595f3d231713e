#!/bin/sh
# Runs a command in an unpacked container image as a container engine would: run by ImageIT inside
# new mount and PID namespaces (unshare), it mounts the image's files read-only, a private /proc,
# the host's /dev, and writable tmpfs on /tmp and /data (as Kubernetes' emptyDir volumes), then
# execs the rest of its arguments (env -i KEY=VALUE... chroot --userspec=UID:GID ROOT ENTRYPOINT...).
#   run-rootfs.sh <unpacked image> <uid> <command...>
set -eu
root=$1
uid=$2
shift 2
mount --bind "$root" "$root"
mount -o remount,bind,ro "$root"
mount -t proc proc "$root/proc"
mount --bind /dev "$root/dev"
mount -t tmpfs -o mode=1777 tmpfs "$root/tmp"
mount -t tmpfs -o "uid=$uid,gid=$uid,mode=0750" tmpfs "$root/data"
exec "$@"
