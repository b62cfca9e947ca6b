#!/usr/bin/env bash
# Start-up of the service on its embedded default (H2 file database, no settings, a fresh ./data each run) against a
# minimal Spring Boot web application (bench/MinimalWebApp.java: webmvc, one controller, the same Spring Boot), both
# from their jars with the same JVM flags: the time from launching the JVM to the first 200 of GET /health.
# RUNS (5) of each, alternated; prints every run, the medians and their ratio (the goal: at most 1.5).
#   bench/startup.sh                      JAVA_OPTS (none) adds JVM flags to both; RUNS=5
#   BASELINE_JAR=old.jar bench/startup.sh also times another build of the service (e.g. before a change) in the
#                                         same alternation, for a before/after under the same load
# The machine is shared: the load average at the start and the end is printed; compare ratios, not seconds.
set -euo pipefail
BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$BENCH_DIR/.." && pwd)
WORK=${BENCH_WORK:-/tmp/igautomation-bench}/startup
RUNS=${RUNS:-5}
PORT=${STARTUP_PORT:-18181}
JAVA_OPTS=${JAVA_OPTS:-}
mkdir -p "$WORK"
log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

log "building the service"
(cd "$ROOT" && ./mvnw -q -B -DskipTests package)
SERVICE_JAR=$(ls "$ROOT"/target/instagram-automation-*.jar | grep -v plain | head -1)

log "building the minimal application"
BOOT_VERSION=$(cd "$ROOT" && sed -n '/<parent>/,/<\/parent>/s/.*<version>\(.*\)<\/version>.*/\1/p' pom.xml)
MINIMAL=$WORK/minimal-app
mkdir -p "$MINIMAL/src/main/java/bench"
cp "$BENCH_DIR/MinimalWebApp.java" "$MINIMAL/src/main/java/bench/"
cat > "$MINIMAL/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <parent>
    <groupId>org.springframework.boot</groupId>
    <artifactId>spring-boot-starter-parent</artifactId>
    <version>$BOOT_VERSION</version>
    <relativePath/>
  </parent>
  <groupId>bench</groupId>
  <artifactId>minimal-web-app</artifactId>
  <version>1</version>
  <properties><java.version>17</java.version></properties>
  <dependencies>
    <dependency>
      <groupId>org.springframework.boot</groupId>
      <artifactId>spring-boot-starter-webmvc</artifactId>
    </dependency>
  </dependencies>
  <build><plugins><plugin>
    <groupId>org.springframework.boot</groupId>
    <artifactId>spring-boot-maven-plugin</artifactId>
  </plugin></plugins></build>
</project>
POM
"$ROOT/mvnw" -q -B -f "$MINIMAL/pom.xml" package
MINIMAL_JAR=$MINIMAL/target/minimal-web-app-1.jar

# Milliseconds from launching `java -jar` to the first 200 of /health, and the CPU time (user + system, all threads)
# the JVM had used by then: on a shared machine the CPU time says how much work start-up is, whatever the load.
# The JVM is stopped afterwards.
time_to_health() {
  local jar=$1 dir=$2
  rm -rf "$dir" && mkdir -p "$dir"
  local started pid
  started=$(date +%s%N)
  # shellcheck disable=SC2086
  (cd "$dir" && exec java $JAVA_OPTS -jar "$jar" --server.port="$PORT" > "$dir/out.log" 2>&1) &
  pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$PORT/health"; do
    if ! kill -0 "$pid" 2>/dev/null; then log "the JVM exited; see $dir/out.log"; exit 1; fi
    sleep 0.05
  done
  local elapsed=$((($(date +%s%N) - started) / 1000000))
  local java_pid cpu_ticks
  java_pid=$(pgrep -P "$pid" java || echo "$pid")
  cpu_ticks=$(awk '{print $14 + $15}' "/proc/$java_pid/stat")
  echo "$elapsed $((cpu_ticks * 1000 / $(getconf CLK_TCK)))"
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

log "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
service_runs=() minimal_runs=() baseline_runs=() service_cpu=() minimal_cpu=() baseline_cpu=()
for run in $(seq 1 "$RUNS"); do
  if [[ -n ${BASELINE_JAR:-} ]]; then
    read -r wall cpu < <(time_to_health "$BASELINE_JAR" "$WORK/baseline")
    baseline_runs+=("$wall") baseline_cpu+=("$cpu")
    log "run $run: baseline $wall ms (CPU $cpu ms)"
  fi
  read -r wall cpu < <(time_to_health "$SERVICE_JAR" "$WORK/service")
  service_runs+=("$wall") service_cpu+=("$cpu")
  read -r wall cpu < <(time_to_health "$MINIMAL_JAR" "$WORK/minimal")
  minimal_runs+=("$wall") minimal_cpu+=("$cpu")
  log "run $run: service ${service_runs[-1]} ms (CPU ${service_cpu[-1]} ms), minimal $wall ms (CPU $cpu ms)"
done
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

service_median=$(printf '%s\n' "${service_runs[@]}" | median)
minimal_median=$(printf '%s\n' "${minimal_runs[@]}" | median)
echo "start-up to /health 200 (ms), $RUNS runs each, alternated; JAVA_OPTS='$JAVA_OPTS'"
echo "service:  ${service_runs[*]}  median $service_median"
echo "minimal:  ${minimal_runs[*]}  median $minimal_median"
awk -v s="$service_median" -v m="$minimal_median" 'BEGIN {printf "ratio service/minimal: %.2f (goal: at most 1.50)\n", s / m}'
service_cpu_median=$(printf '%s\n' "${service_cpu[@]}" | median)
minimal_cpu_median=$(printf '%s\n' "${minimal_cpu[@]}" | median)
echo "CPU time to /health 200 (ms): service ${service_cpu[*]} median $service_cpu_median;" \
  "minimal ${minimal_cpu[*]} median $minimal_cpu_median"
awk -v s="$service_cpu_median" -v m="$minimal_cpu_median" 'BEGIN {printf "CPU ratio service/minimal: %.2f\n", s / m}'
if [[ -n ${BASELINE_JAR:-} ]]; then
  baseline_median=$(printf '%s\n' "${baseline_runs[@]}" | median)
  baseline_cpu_median=$(printf '%s\n' "${baseline_cpu[@]}" | median)
  echo "baseline: ${baseline_runs[*]}  median $baseline_median  ($BASELINE_JAR)"
  echo "baseline CPU: ${baseline_cpu[*]}  median $baseline_cpu_median"
  awk -v b="$baseline_median" -v m="$minimal_median" -v bc="$baseline_cpu_median" -v mc="$minimal_cpu_median" \
    'BEGIN {printf "ratio baseline/minimal: %.2f (CPU %.2f)\n", b / m, bc / mc}'
fi
echo "load average after: $LOAD_AFTER"
