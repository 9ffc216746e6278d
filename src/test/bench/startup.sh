#!/usr/bin/env bash
# Tandem's start-up next to a same-stack application's (issue 16: "start-up to ready on an empty data directory
# within 1.3 times the same-stack app's"). The same-stack application is generated here from the heredocs below:
# Quarkus at Tandem's platform version with quarkus-rest-jackson, quarkus-hibernate-orm-panache,
# quarkus-jdbc-h2 (Tandem's H2 version), quarkus-flyway, quarkus-smallrye-health and
# quarkus-smallrye-openapi; one entity, one Flyway migration, one REST resource; an H2 file database in the data
# directory given by -Dsamestack.data-dir, in Tandem's compatibility mode. For ROUNDS rounds, alternating, each
# packaged jar (java -jar .../quarkus-run.jar) is started on a FRESH empty data directory and a free port and
# timed from exec to the first 200 of /q/health/ready; the resident memory (VmRSS) and the CPU time the process
# has used (user + system, all threads; less sensitive than the wall time to other load) are read at that moment, and
# the process is stopped (SIGTERM) before the next start. Prints median/min/max of each and the ratio of the
# medians, then the "started in" Quarkus logged in the last round of each. About 2 minutes on 2 cores (plus
# packaging: about 2 minutes for Tandem, 1 for the same-stack application the first time).
#
#   bash src/test/bench/startup.sh
#
# Environment (all optional):
#   ROUNDS         rounds (5); each round starts both applications once, Tandem first in odd rounds
#   WARMUP         unmeasured rounds first (1): the first start after packaging reads the jars from disk
#   APP_DIR        an already packaged target/quarkus-app of Tandem to run instead of packaging this checkout
#   SAMESTACK_DIR  where the same-stack application is (or is generated, if it has no pom.xml); packaged there
#                  unless it already has target/quarkus-app (default: a directory under ${TMPDIR:-/tmp} kept
#                  between runs, so it is built once)
#   JAVA_OPTS      extra JVM options for both, e.g. "-Xmx512m" or "-XX:TieredStopAtLevel=1"
#   TANDEM_OPTS    extra options for Tandem only
#   KEEP_LOGS      a directory to keep each start's log in (otherwise removed with the data directories)
#
# Tandem starts in the prod profile of the packaged jar, with tandem.admin.initial-password set (any value other
# than the dev and test ones), so the first start creates the user admin and stores a signing key as it would
# for a new installation.
set -euo pipefail

cd "$(dirname "$0")/../../.."
ROOT=$PWD
ROUNDS=${ROUNDS:-5}
WARMUP=${WARMUP:-1}
SAMESTACK_DIR=${SAMESTACK_DIR:-${TMPDIR:-/tmp}/tandem-samestack}
QUARKUS_VERSION=$(sed -n 's:.*<quarkus.platform.version>\(.*\)</quarkus.platform.version>.*:\1:p' pom.xml)
H2_VERSION=$(sed -n 's:.*<h2.version>\(.*\)</h2.version>.*:\1:p' pom.xml)
ADMIN_PASSWORD=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
LOADAVG=$(cut -d' ' -f1-3 /proc/loadavg)

# --- the same-stack application ------------------------------------------------------------------------------
generate_samestack() {
    local dir=$1 src
    mkdir -p "$dir"
    cp -r "$ROOT/mvnw" "$ROOT/.mvn" "$dir/"
    cat >"$dir/pom.xml" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
  <modelVersion>4.0.0</modelVersion>
  <groupId>org.example</groupId>
  <artifactId>samestack</artifactId>
  <version>1.0.0-SNAPSHOT</version>
  <properties>
    <maven.compiler.release>17</maven.compiler.release>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
  </properties>
  <dependencyManagement>
    <dependencies>
      <dependency><groupId>com.h2database</groupId><artifactId>h2</artifactId><version>$H2_VERSION</version></dependency>
      <dependency>
        <groupId>io.quarkus.platform</groupId><artifactId>quarkus-bom</artifactId><version>$QUARKUS_VERSION</version>
        <type>pom</type><scope>import</scope>
      </dependency>
    </dependencies>
  </dependencyManagement>
  <dependencies>
    <dependency><groupId>io.quarkus</groupId><artifactId>quarkus-rest-jackson</artifactId></dependency>
    <dependency><groupId>io.quarkus</groupId><artifactId>quarkus-hibernate-orm-panache</artifactId></dependency>
    <dependency><groupId>io.quarkus</groupId><artifactId>quarkus-jdbc-h2</artifactId></dependency>
    <dependency><groupId>io.quarkus</groupId><artifactId>quarkus-flyway</artifactId></dependency>
    <dependency><groupId>io.quarkus</groupId><artifactId>quarkus-smallrye-health</artifactId></dependency>
    <dependency><groupId>io.quarkus</groupId><artifactId>quarkus-smallrye-openapi</artifactId></dependency>
  </dependencies>
  <build>
    <plugins>
      <plugin>
        <groupId>io.quarkus.platform</groupId><artifactId>quarkus-maven-plugin</artifactId>
        <version>$QUARKUS_VERSION</version><extensions>true</extensions>
        <executions><execution><goals><goal>build</goal></goals></execution></executions>
      </plugin>
    </plugins>
  </build>
</project>
EOF
    src=$dir/src/main/java/org/example
    mkdir -p "$src" "$dir/src/main/resources/db/migration"
    cat >"$src/Item.java" <<'EOF'
package org.example;

import jakarta.persistence.Entity;

import io.quarkus.hibernate.orm.panache.PanacheEntity;

@Entity
public class Item extends PanacheEntity {
    public String name;
}
EOF
    cat >"$src/ItemResource.java" <<'EOF'
package org.example;

import java.util.List;

import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

@Path("/items")
public class ItemResource {
    @GET
    public List<Item> list() {
        return Item.listAll();
    }

    @POST
    @Transactional
    public Item add(Item item) {
        item.persist();
        return item;
    }
}
EOF
    cat >"$dir/src/main/resources/db/migration/V1__items.sql" <<'EOF'
create sequence item_seq start with 1 increment by 50;
create table item (id bigint primary key, name varchar(200));
EOF
    cat >"$dir/src/main/resources/application.properties" <<'EOF'
samestack.data-dir=${user.home}/.samestack
quarkus.datasource.db-kind=h2
quarkus.datasource.jdbc.url=jdbc:h2:file:${samestack.data-dir}/app;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE
quarkus.datasource.username=app
quarkus.devservices.enabled=false
quarkus.flyway.migrate-at-start=true
quarkus.hibernate-orm.schema-management.strategy=validate
quarkus.log.console.format=%d{HH:mm:ss} %-5p [%c{2.}] (%t) %s%e%n
EOF
}

if [[ ! -f $SAMESTACK_DIR/target/quarkus-app/quarkus-run.jar ]]; then
    [[ -f $SAMESTACK_DIR/pom.xml ]] || generate_samestack "$SAMESTACK_DIR"
    (cd "$SAMESTACK_DIR" && ./mvnw -B -ntp -q package -DskipTests)
fi
if [[ -z "${APP_DIR:-}" ]]; then
    ./mvnw -B -ntp -q package -DskipTests
    APP_DIR=target/quarkus-app
fi
APP_DIR=$(cd "$APP_DIR" && pwd)

# --- one start -------------------------------------------------------------------------------------------------
WORK=$(mktemp -d)
PID=""
trap 'kill $PID 2>/dev/null || true; wait $PID 2>/dev/null || true; rm -rf "$WORK"' EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# measure NAME JAR DATA_DIR_PROPERTY OPTIONS... -> appends "ms rss_mib cpu_ms" to $WORK/NAME, the log in $WORK/NAME.log
measure() {
    local name=$1 jar=$2 property=$3 port data log start ms rss cpu
    shift 3
    port=$(free_port)
    data=$(mktemp -d "$WORK/data.XXXX")
    log=$WORK/$name.log
    start=$(date +%s%N)
    # shellcheck disable=SC2086
    java ${JAVA_OPTS:-} -Dquarkus.http.port="$port" -D"$property=$data" "$@" -jar "$jar" >"$log" 2>&1 &
    PID=$!
    until [[ $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/q/health/ready") == 200 ]]; do
        kill -0 $PID 2>/dev/null || { echo "$name died; its log:" >&2; cat "$log" >&2; exit 1; }
        sleep 0.02
    done
    ms=$(( ($(date +%s%N) - start) / 1000000 ))
    rss=$(awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$PID/status")
    cpu=$(awk -v hz="$(getconf CLK_TCK)" '{print int(($14 + $15) * 1000 / hz)}' "/proc/$PID/stat")
    kill $PID
    wait $PID 2>/dev/null || true
    PID=""
    echo "$ms $rss $cpu" >>"$WORK/$name"
    [[ -z ${KEEP_LOGS:-} ]] || { mkdir -p "$KEEP_LOGS"; cp "$log" "$KEEP_LOGS/$name-$(wc -l <"$WORK/$name").log"; }
    rm -rf "$data"
    printf '  %-10s %6d ms %5d MiB %6d ms CPU\n' "$name" "$ms" "$rss" "$cpu"
}
tandem() {
    # shellcheck disable=SC2086
    measure tandem "$APP_DIR/quarkus-run.jar" tandem.data-dir \
        -Dtandem.admin.initial-password="$ADMIN_PASSWORD" ${TANDEM_OPTS:-}
}
samestack() { measure samestack "$SAMESTACK_DIR/target/quarkus-app/quarkus-run.jar" samestack.data-dir; }

for ((round = 1; round <= WARMUP; round++)); do
    echo "warm-up round $round (not counted):"
    tandem; samestack
    rm -f "$WORK/tandem" "$WORK/samestack"
done
echo "start-up to the first 200 of /q/health/ready, fresh data directory each time, $ROUNDS rounds:"
for ((round = 1; round <= ROUNDS; round++)); do
    if ((round % 2)); then tandem; samestack; else samestack; tandem; fi
done

# --- summary ---------------------------------------------------------------------------------------------------
stats() { # file column -> "median min max"
    cut -d' ' -f"$2" "$1" | sort -n | awk '{v[NR] = $1} END {
        m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%d %d %d", m, v[1], v[NR] }'
}
read -r T_MS T_MIN T_MAX <<<"$(stats "$WORK/tandem" 1)"
read -r S_MS S_MIN S_MAX <<<"$(stats "$WORK/samestack" 1)"
read -r T_RSS T_RMIN T_RMAX <<<"$(stats "$WORK/tandem" 2)"
read -r S_RSS S_RMIN S_RMAX <<<"$(stats "$WORK/samestack" 2)"
read -r T_CPU T_CMIN T_CMAX <<<"$(stats "$WORK/tandem" 3)"
read -r S_CPU S_CMIN S_CMAX <<<"$(stats "$WORK/samestack" 3)"
started() { grep -o 'started in [0-9.]*s' "$WORK/$1.log" | head -1; }

echo
echo "$ROUNDS rounds, $(nproc) cores, load average before: $LOADAVG, after: $(cut -d' ' -f1-3 /proc/loadavg);"\
    "JAVA_OPTS=${JAVA_OPTS:-none} TANDEM_OPTS=${TANDEM_OPTS:-none}"
echo
echo "| application | start-up to ready, median (min-max) | resident memory at ready | CPU time at ready |"
echo "|---|---:|---:|---:|"
printf '| Tandem | %d ms (%d-%d) | %d MiB (%d-%d) | %d ms (%d-%d) |\n' "$T_MS" "$T_MIN" "$T_MAX" \
    "$T_RSS" "$T_RMIN" "$T_RMAX" "$T_CPU" "$T_CMIN" "$T_CMAX"
printf '| same stack | %d ms (%d-%d) | %d MiB (%d-%d) | %d ms (%d-%d) |\n' "$S_MS" "$S_MIN" "$S_MAX" \
    "$S_RSS" "$S_RMIN" "$S_RMAX" "$S_CPU" "$S_CMIN" "$S_CMAX"
ratio() { awk "BEGIN {printf \"%.2f\", $1 / $2}"; }
printf '| **ratio** | **%s** | %s | %s |\n' "$(ratio "$T_MS" "$S_MS")" "$(ratio "$T_RSS" "$S_RSS")" "$(ratio "$T_CPU" "$S_CPU")"
echo
echo "Quarkus's own figure, last round: Tandem $(started tandem), same stack $(started samestack)"
