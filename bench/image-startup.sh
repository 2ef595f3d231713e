#!/usr/bin/env bash
# Start time of the container image's entrypoint with its AOT cache, against the same entrypoint
# without it (-XX:AOTMode=off) measured in the same run, alternating, on the image's own files
# (distribution/target/image/root, what -Pimage staged for Jib) started as the image starts them
# (read-only root, user 10001, tmpfs /tmp and /data: distribution/src/test/image/run-rootfs.sh).
# Measures from the process start to the first 200 of the readiness probe. Needs root.
#
#   ./mvnw -q -Pimage -DskipTests package && sudo bench/image-startup.sh [runs=5] [port=28080]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
port=${2:-28080}
root=$(realpath distribution/target/image/root)
run=$(realpath distribution/src/test/image/run-rootfs.sh)
entrypoint=(/opt/java/bin/java @/app/jvm.options -XX:MaxRAMPercentage=75 -XX:-UsePerfData -jar /app/passerelle-server.jar)

start_once() { # $1: the AOT option; prints the seconds to readiness
  local began ended pid
  began=$(date +%s%N)
  unshare --mount --pid --fork "$run" "$root" 10001 env -i SERVER_PORT="$port" PASSERELLE_DATA_DIR=/data \
    DB_SCHEDULER_SCHEDULER_NAME=bench /usr/sbin/chroot --userspec=10001:10001 "$root" \
    "${entrypoint[0]}" "$1" "${entrypoint[@]:1}" > /dev/null 2>&1 &
  pid=$!
  until curl -sf "http://127.0.0.1:$port/2.0/actuator/health/readiness" > /dev/null; do sleep 0.05; done
  ended=$(date +%s%N)
  # SIGTERM to the server itself, below unshare, as an engine stops a container.
  kill -TERM "$(pgrep -P "$pid")" 2> /dev/null || true
  wait "$pid" || true
  echo "scale=2; ($ended - $began) / 1000000000" | bc
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

with=() without=()
start_once -XX:AOTCache=/app/passerelle.aot > /dev/null # warm-up: the page cache, untimed
for _ in $(seq 1 "$runs"); do
  with+=("$(start_once -XX:AOTCache=/app/passerelle.aot)")
  without+=("$(start_once -XX:AOTMode=off)")
done
a=$(printf '%s\n' "${with[@]}" | median)
b=$(printf '%s\n' "${without[@]}" | median)
printf 'entrypoint to readiness, median of %s runs (load average %s)\n' "$runs" "$(cut -d' ' -f1-3 /proc/loadavg)"
printf '  without the AOT cache (baseline)  %6.2f s   1.00x   runs: %s\n' "$b" "${without[*]}"
printf '  with the AOT cache                %6.2f s   %.2fx   runs: %s\n' "$a" "$(echo "scale=4; $a / $b" | bc)" "${with[*]}"
