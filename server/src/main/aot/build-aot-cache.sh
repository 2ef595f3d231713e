#!/bin/sh
# Builds the production launch's AOT cache (JDK 25+, JEP 483/514/515): the server jar extracted in
# Spring Boot's layout for a cache (an AOT cache needs plain jars on the class path, not nested
# ones) and the cache a training run of that layout records (TrainingRun.java: the whole start, up
# to the first answer of GET /2.0/connectors), with the production launch's JVM options, so that the
# cache matches the launch that uses it. ./passerelle uses them when they are newer than the jar and
# the JDK is 25+.
#
#   build-aot-cache.sh <java> <server jar> <jvm options file> <directory>     (run by ./mvnw -Paot package)
#
# A JDK older than 25 has no AOT cache: the script says so and leaves nothing behind, and
# ./passerelle launches the plain jar.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
java=$1
jar=$2
options=$3
out=$4

version=$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p')
rm -rf "$out"
if [ "${version:-0}" -lt 25 ]; then
  echo "AOT cache: skipped, Java $version has none (JDK 25+); ./passerelle will launch the plain jar"
  exit 0
fi

"$java" -Djarmode=tools -jar "$jar" extract --destination "$out"
training=$(mktemp -d)
trap 'rm -rf "$training"' EXIT
# The training run: the whole start-up (every bean, Flyway on a new H2 database, the web server and
# a first request), then a stop, at which the JVM writes the cache.
if ! "$java" "$here/TrainingRun.java" "$java" "$options" "$out/passerelle.aot" "$out/$(basename "$jar")" \
    "$training/data" > "$training/training.log" 2>&1 \
  || ! grep -q 'AOTCache creation is complete' "$training/training.log"; then
  tail -n 40 "$training/training.log" >&2
  rm -rf "$out"
  echo "AOT cache: the training run failed (its log above)" >&2
  exit 1
fi
echo "AOT cache: $out/passerelle.aot ($(du -h "$out/passerelle.aot" | cut -f1))"
