#!/usr/bin/env bash
# apply and diff, jctl next to kubectl: 1,000 manifests (20 Namespaces; per namespace 17 Deployments of ~2 KB,
# 16 Services, 16 ConfigMaps, one file each, named so that kubectl's lexical order creates Namespaces first) applied
# to an empty embedded API server (`jctl cluster up --storage sqlite`, a fresh one per tool and round, so both tools
# do the same work), applied again without a change, then diffed without a change. The tools take turns within each
# round (kubectl first in odd rounds), and each tool runs with its defaults and a cache directory of its own, cold
# for the first apply of a round. Prints wall and CPU (user + sys) time of the client process, the writes the
# server answered during the no-change runs (from its /metrics) and the load average. Results: docs/BENCHMARKS.md.
# The no-change re-apply and diff run REPEATS times per round (tools still taking turns): the first of a round meets
# a server that has served one apply and, for jctl, a page cache the kubectl run before it has had a minute to lose
# (these VMs page out file pages unused for a minute); the later ones show a server in use. Both are reported.
#
#   bench/apply.sh [ROUNDS [REPEATS]]   (default 3 and 1; needs cli/target/jctl.jar and kubectl on PATH)
#   JCTL_EXTRA="--concurrency=1" bench/apply.sh 1    (extra jctl flags, e.g. to compare with one object at a time)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
rounds=${1:-3}
repeats=${2:-1}
jctl_extra=(${JCTL_EXTRA:-})
[[ -f cli/target/jctl.jar ]] || { echo "build first: mvn -o -q -pl cli -am package -DskipTests" >&2; exit 1; }
command -v kubectl >/dev/null || { echo "kubectl is not on PATH" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/jctl-apply-bench.XXXXXX")
servers=()
cleanup() {
  for pid in "${servers[@]}"; do
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  rm -rf "$work"
}
trap cleanup EXIT

generate() {
  local dir=$1 ns i n env
  mkdir -p "$dir"
  for ((n = 1; n <= 20; n++)); do
    ns=$(printf 'team-%02d' "$n")
    printf 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: %s\n  labels:\n    team: "%d"\n' "$ns" "$n" \
      > "$dir/00-namespace-$ns.yaml"
    for ((i = 1; i <= 16; i++)); do
      printf '%s\n' 'apiVersion: v1' 'kind: ConfigMap' 'metadata:' "  name: app-$i-config" "  namespace: $ns" \
        '  labels:' "    app.kubernetes.io/name: app-$i" 'data:' "  LOG_LEVEL: info" "  FEATURE_FLAGS: \"search,cart-v$((i % 3))\"" \
        "  application.properties: |" "    server.port=8080" "    cache.size=$((i * 64))" "    upstream=http://app-$((i + 1)).$ns.svc:80" \
        > "$dir/10-configmap-$ns-app-$i.yaml"
      printf '%s\n' 'apiVersion: v1' 'kind: Service' 'metadata:' "  name: app-$i" "  namespace: $ns" '  labels:' \
        "    app.kubernetes.io/name: app-$i" 'spec:' '  selector:' "    app.kubernetes.io/name: app-$i" '  ports:' \
        '  - name: http' '    port: 80' '    targetPort: http' '  - name: metrics' '    port: 9100' '    targetPort: 9100' \
        > "$dir/20-service-$ns-app-$i.yaml"
    done
    for ((i = 1; i <= 17; i++)); do
      env=""
      for ((e = 0; e < 6 + i % 5; e++)); do
        env+=$(printf '        - name: SETTING_%d\n          value: "value-%d-%d"\n' "$e" "$i" "$e")$'\n'
      done
      cat > "$dir/30-deployment-$ns-app-$i.yaml" <<EOF
apiVersion: apps/v1
kind: Deployment
metadata:
  name: app-$i
  namespace: $ns
  labels:
    app.kubernetes.io/name: app-$i
    app.kubernetes.io/part-of: shop
    app.kubernetes.io/version: "1.$i"
  annotations:
    owner: $ns@example.com
spec:
  replicas: $((1 + i % 3))
  selector:
    matchLabels:
      app.kubernetes.io/name: app-$i
  strategy:
    type: RollingUpdate
    rollingUpdate: {maxSurge: 25%, maxUnavailable: 0}
  template:
    metadata:
      labels:
        app.kubernetes.io/name: app-$i
        app.kubernetes.io/part-of: shop
    spec:
      containers:
      - name: app
        image: registry.example.com/shop/app-$i:1.$i.$n
        args: ["serve", "--port=8080", "--metrics-port=9100"]
        ports:
        - name: http
          containerPort: 8080
        - name: metrics
          containerPort: 9100
        envFrom:
        - configMapRef:
            name: app-$i-config
        env:
$env        resources:
          requests: {cpu: 250m, memory: 256Mi}
          limits: {cpu: "1", memory: 512Mi}
        readinessProbe:
          httpGet: {path: /ready, port: http}
          periodSeconds: 5
        livenessProbe:
          httpGet: {path: /healthz, port: http}
          initialDelaySeconds: 10
        volumeMounts:
        - name: config
          mountPath: /etc/app
          readOnly: true
      - name: log-shipper
        image: registry.example.com/shipper:2.1.$((i % 7))
        args: ["--target", "collector.logging.svc:24224", "--buffer", "8Mi"]
        resources:
          requests: {cpu: 50m, memory: 64Mi}
          limits: {cpu: 100m, memory: 128Mi}
      volumes:
      - name: config
        configMap:
          name: app-$i-config
EOF
    done
  done
}

# Starts an API server on a fresh data dir; sets $server_kubeconfig and remembers the pid.
start_server() {
  local dir=$1
  mkdir -p "$dir"
  ./jctl cluster up --data-dir "$dir/data" --port 0 --kubeconfig "$dir/kubeconfig" --storage sqlite \
    > "$dir/server.log" 2>&1 &
  servers+=($!)
  for _ in $(seq 1 240); do
    grep -q ready "$dir/server.log" && { server_kubeconfig=$dir/kubeconfig; return; }
    sleep 0.5
  done
  echo "API server in $dir did not get ready:" >&2
  cat "$dir/server.log" >&2
  exit 1
}

stop_servers() {
  for pid in "${servers[@]}"; do
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  servers=()
}

writes() {
  kubectl --kubeconfig "$1" get --raw /metrics \
    | awk '/^apiserver_request_total\{/ && /verb="(POST|PUT|PATCH|DELETE|APPLY)"/ { s += $NF } END { print s + 0 }'
}

# run TOOL PHASE KUBECONFIG CACHE REPEAT: one timed run, appended to $results as a TSV row; any exit but 0 stops the
# bench (a diff without a change exits 0 too).
run() {
  local tool=$1 phase=$2 kubeconfig=$3 cache=$4 repeat=$5 before after cmd
  case "$tool/$phase" in
    kubectl/apply | kubectl/re-apply) cmd=(kubectl --kubeconfig "$kubeconfig" --cache-dir "$cache" apply -f "$manifests") ;;
    kubectl/diff) cmd=(kubectl --kubeconfig "$kubeconfig" --cache-dir "$cache" diff -f "$manifests") ;;
    jctl/apply | jctl/re-apply) cmd=(./jctl apply -f "$manifests" --kubeconfig "$kubeconfig" --cache-dir "$cache" "${jctl_extra[@]}") ;;
    jctl/diff) cmd=(./jctl diff -f "$manifests" --kubeconfig "$kubeconfig" --cache-dir "$cache" "${jctl_extra[@]}") ;;
  esac
  before=$(writes "$kubeconfig")
  local code=0
  /usr/bin/time -f '%e %U %S' -o "$work/time" "${cmd[@]}" > "$work/out" 2> "$work/err" || code=$?
  after=$(writes "$kubeconfig")
  if ((code != 0)); then
    echo "$tool $phase exited $code:" >&2
    tail -5 "$work/err" >&2
    exit 1
  fi
  read -r wall user sys < "$work/time"
  local lines load
  lines=$(wc -l < "$work/out")
  load=$(cut -d' ' -f1 /proc/loadavg)
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$tool" "$phase" "$wall" "$user" "$sys" \
    "$((after - before))" "$lines" "$load" "$repeat" >> "$results"
  printf 'round %s %-7s %-8s #%s wall %6.2fs cpu %6.2fs writes %5d lines %5d load %s\n' "$round" "$tool" "$phase" "$repeat" \
    "$wall" "$(echo "$user + $sys" | bc)" "$((after - before))" "$lines" "$load"
}

# The launcher trains its class-data archive for server commands on the first such command after a build (a
# one-time cost of ~10 s); it is done here, untimed, so that the first timed apply measures apply.
./jctl get namespaces --kubeconfig /dev/null >/dev/null 2>&1 || true

manifests=$work/manifests
generate "$manifests"
echo "$(ls "$manifests" | wc -l) manifests, $(du -sk "$manifests" | cut -f1) KiB; deployment $(wc -c < "$manifests/30-deployment-team-01-app-9.yaml") bytes"
echo "kubectl $(kubectl version --client -o json | sed -n 's/.*"gitVersion": "\(.*\)".*/\1/p'), $(java -version 2>&1 | head -1), $(nproc) cores"
results=$work/results.tsv
: > "$results"
for ((round = 1; round <= rounds; round++)); do
  start_server "$work/r$round-kubectl"; k=$server_kubeconfig
  start_server "$work/r$round-jctl"; j=$server_kubeconfig
  if ((round % 2)); then order=(kubectl jctl); else order=(jctl kubectl); fi
  phases=(apply:1)
  for ((repeat = 1; repeat <= repeats; repeat++)); do
    phases+=("re-apply:$repeat" "diff:$repeat")
  done
  for step in "${phases[@]}"; do
    for tool in "${order[@]}"; do
      if [[ $tool == kubectl ]]; then config=$k; else config=$j; fi
      run "$tool" "${step%:*}" "$config" "$work/r$round-$tool/cache" "${step#*:}"
    done
  done
  stop_servers
done

echo
echo "medians over $rounds rounds (wall s, CPU s = user + sys of the client process); 'later' = repeats 2..$repeats:"
printf '%-16s %12s %12s %12s %12s %10s %10s\n' phase "kubectl wall" "jctl wall" "kubectl cpu" "jctl cpu" "wall ratio" "cpu ratio"
# median TOOL PHASE FIELD FIRST-REPEAT LAST-REPEAT
median() {
  awk -F'\t' -v t="$1" -v p="$2" -v f="$3" -v lo="$4" -v hi="$5" \
      '$2 == t && $3 == p && $10 >= lo && $10 <= hi { if (f == "cpu") print $5 + $6; else print $4 }' "$results" \
    | sort -g | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}
rows=("apply apply 1 1" "re-apply re-apply 1 1" "diff diff 1 1")
if ((repeats > 1)); then
  rows+=("re-apply(later) re-apply 2 $repeats" "diff(later) diff 2 $repeats")
fi
for row in "${rows[@]}"; do
  read -r label phase lo hi <<< "$row"
  kw=$(median kubectl "$phase" wall "$lo" "$hi"); jw=$(median jctl "$phase" wall "$lo" "$hi")
  kc=$(median kubectl "$phase" cpu "$lo" "$hi"); jc=$(median jctl "$phase" cpu "$lo" "$hi")
  printf '%-16s %12.2f %12.2f %12.2f %12.2f %9.1fx %9.1fx\n' "$label" "$kw" "$jw" "$kc" "$jc" \
    "$(echo "$kw / $jw" | bc -l)" "$(echo "$kc / $jc" | bc -l)"
done
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
