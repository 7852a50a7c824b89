#!/usr/bin/env bash
# Whole-process throughput of the Native AOT CLI: `render --output json` over the corpus repeated to tens of
# thousands of events, as JSON Lines from a file, pinned to one core. Not a test: figures depend on the machine.
#
#   test/perf/throughput.sh [EXECUTABLE] [COPIES] [RUNS]
#
# EXECUTABLE defaults to a fresh Native AOT build of the command-line tool (src/CloudTrailNotifier.Cli, `ctn`). Prints one line per run (events/s, peak RSS)
# and the load average before and after, since the machine may be shared.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
EXE="${1:-}"
COPIES="${2:-60}"
RUNS="${3:-5}"
CORPUS="${CORPUS:-$ROOT/../shared/corpus/envelopes}"
[[ -d "$CORPUS" ]] || CORPUS=/work/shared/corpus/envelopes
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

if [[ -z "$EXE" ]]; then
  dotnet publish "$ROOT/src/CloudTrailNotifier.Cli" -c Release -r linux-x64 --artifacts-path "$WORK/build" -o "$WORK/out" >/dev/null
  EXE="$WORK/out/ctn"
fi

INPUT="$WORK/events.jsonl"
for _ in $(seq "$COPIES"); do grep -h -v '^[[:space:]]*$' "$CORPUS"/*.jsonl; done > "$INPUT"
EVENTS=$(wc -l < "$INPUT")
echo "input: $EVENTS events, $(du -m "$INPUT" | cut -f1) MB; load before: $(cut -d' ' -f1-3 /proc/loadavg)"

for run in $(seq "$RUNS"); do
  /usr/bin/time -f '%e %M' -o "$WORK/time" taskset -c 0 "$EXE" render --output json "$INPUT" > "$WORK/out.jsonl"
  read -r seconds rss_kb < "$WORK/time"
  test "$(wc -l < "$WORK/out.jsonl")" -eq "$EVENTS"
  awk -v r="$run" -v e="$EVENTS" -v s="$seconds" -v m="$rss_kb" \
    'BEGIN { printf "run %d: %.2f s, %d events/s, peak RSS %.1f MiB\n", r, s, (s > 0 ? e / s : 0), m / 1024 }'
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
