#!/usr/bin/env bash
# Stages the container image for Jib (distribution/pom.xml, profile "image"); docs/operations.md tells
# how to build and run it. Needs Debian's apt-get and dpkg-deb, a JDK 25+ as JAVA_HOME, jq, and
# either root or unprivileged user namespaces (for the chroot of the AOT training run).
#
#   build-rootfs.sh <server jar> <jvm options file> <output dir> <jlink modules> <uid> <health check class>
#
# writes into <output dir>:
#   os/        the base system: glibc from Debian's packages (the JVM's only system dependency), the
#              non-root user <uid>, /tmp, /data (owned by the user) and empty mount points
#   root/      os/ plus /opt/java (a jlink runtime of the modules the server needs) and /app (the
#              server jar extracted, Spring Boot's layout for an AOT cache) with /app/jvm.options (the
#              production launch's JVM options, server/src/main/jvm/jvm.options) and /app/passerelle.aot,
#              the JDK's AOT cache recorded by a training run of the server with those options inside a
#              chroot of root/, so that the paths, the runtime and the files' times are those of the image
#   base.tar   a one-layer image (docker-save layout) of os/ with the user and a HEALTHCHECK, which
#              Jib builds on: Jib itself cannot declare a health check, but keeps a base image's
set -euo pipefail

jar=$(realpath "$1")
jvm_options=$(realpath "$2")
out=$3
modules=$4
uid=$5
health_class=$6

# Jib stamps every file it adds with this time (its default filesModificationTime); the AOT cache
# records the times of the jars it was trained on, so the staged files get the same one.
epoch=@1

rm -rf "$out"
mkdir -p "$out/debs" "$out/os" "$out/root"
os=$(realpath "$out/os")
root=$(realpath "$out/root")

echo "== base system: glibc from Debian's packages"
(cd "$out/debs" && apt-get download -q libc6 libgcc-s1 2>&1 | grep -v '^W: Download is performed unsandboxed' || true)
for deb in "$out"/debs/*.deb; do
  dpkg-deb -x "$deb" "$os"
done
ls "$os"/lib*/x86_64-linux-gnu/libc.so.6 >/dev/null 2>&1 || { echo "apt-get download libc6 gave nothing (run apt-get update)" >&2; exit 1; }
# What a JVM never loads: documentation, iconv modules, glibc's own tools.
rm -rf "$os/usr/share" "$os"/usr/lib/x86_64-linux-gnu/gconv "$os/usr/bin" "$os/sbin" "$os/usr/sbin" "$os/etc/ld.so.conf.d"
mkdir -p "$os/etc" "$os/tmp" "$os/data" "$os/proc" "$os/dev" "$os/sys"
chmod 1777 "$os/tmp"
chmod 0750 "$os/data"
printf 'root:x:0:0:root:/root:/sbin/nologin\npasserelle:x:%s:%s:Passerelle:/data:/sbin/nologin\n' "$uid" "$uid" > "$os/etc/passwd"
printf 'root:x:0:\npasserelle:x:%s:\n' "$uid" > "$os/etc/group"
printf 'passwd: files\ngroup: files\nhosts: files dns\n' > "$os/etc/nsswitch.conf"

echo "== Java runtime: jlink $modules"
"$JAVA_HOME/bin/jlink" --add-modules "$modules" --include-locales=en,fr --strip-debug --no-header-files \
  --no-man-pages --compress=zip-6 --output "$root/opt/java"

echo "== application: $jar extracted"
"$JAVA_HOME/bin/java" -Djarmode=tools -jar "$jar" extract --destination "$root/app"
cp "$jvm_options" "$root/app/jvm.options"

cp -a "$os/." "$root/"
find "$os" "$root" -exec touch -h -d "$epoch" {} +

echo "== AOT cache: a training run of the server in a chroot of the image's files"
# As root: new mount and PID namespaces; otherwise also a user namespace, mapping us to root in it.
as_root=()
[ "$(id -u)" -eq 0 ] || as_root=(--user --map-root-user)
if ! unshare "${as_root[@]}" --mount --pid --fork --kill-child sh -c '
    root=$1; shift
    mount -t proc proc "$root/proc" && mount --bind /dev "$root/dev" && mount -t tmpfs tmpfs "$root/tmp" &&
    exec chroot "$root" "$@"' training "$root" \
    /opt/java/bin/java @/app/jvm.options -XX:AOTCacheOutput=/app/passerelle.aot -Dspring.context.exit=onRefresh \
    -jar /app/passerelle-server.jar --server.port=0 --passerelle.data-dir=/tmp/training \
    > "$out/training.log" 2>&1; then
  tail -n 40 "$out/training.log" >&2
  exit 1
fi
grep -q 'AOTCache creation is complete' "$out/training.log" || { tail -n 40 "$out/training.log" >&2; exit 1; }
touch -d "$epoch" "$root/app/passerelle.aot" "$root/app"

echo "== base image: $out/base.tar"
layers="$out/base"
mkdir -p "$layers"
tar --sort=name --mtime="$epoch" --owner=0 --group=0 --numeric-owner --exclude=./data -C "$os" -cf "$layers/os.tar" .
tar --mtime="$epoch" --owner="$uid" --group="$uid" --numeric-owner -C "$os" -rf "$layers/os.tar" ./data
diff_id="sha256:$(sha256sum "$layers/os.tar" | cut -d' ' -f1)"
second=1000000000
jq -n --arg uid "$uid" --arg diff "$diff_id" --arg health "$health_class" --argjson s "$second" '{
  architecture: "amd64", os: "linux", created: "1970-01-01T00:00:00Z",
  config: {
    User: "\($uid):\($uid)",
    Healthcheck: {
      Test: ["CMD", "/opt/java/bin/java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx16m",
             "-XX:-UsePerfData", "-cp", "/app/passerelle-server.jar", $health],
      Interval: (30 * $s), Timeout: (10 * $s), StartPeriod: (120 * $s), Retries: 3
    }
  },
  rootfs: {type: "layers", diff_ids: [$diff]},
  history: [{created: "1970-01-01T00:00:00Z", created_by: "distribution/src/image/build-rootfs.sh: glibc, user, /tmp, /data"}]
}' > "$layers/config.json"
jq -n '[{Config: "config.json", RepoTags: ["passerelle-base:local"], Layers: ["os.tar"]}]' > "$layers/manifest.json"
tar --mtime="$epoch" --owner=0 --group=0 --numeric-owner -C "$layers" -cf "$out/base.tar" manifest.json config.json os.tar
du -sh "$os" "$root/opt/java" "$root/app" | sed 's/^/   /'
