#!/usr/bin/env bash
# Cold start, side by side: process start to "message published" for
#   (0) the Lambda function as Lambda runs it: the Native AOT `bootstrap` against a one-invocation Runtime API on
#       loopback (timed to its invocation response, which it sends after publishing),
#   (a) the Native AOT command-line tool (`ctn publish`, the same library code as the function's bootstrap),
#   (b) the same program, framework-dependent Release build, run with `dotnet ctn.dll publish` (JIT),
#   (c) test/perf/publish_boto3.py, a small Python 3 formatter that publishes with boto3,
# all against one topic of a moto_server on loopback; plus each one's peak RSS and the zipped deployment package.
# Run on demand (not part of `dotnet test` or CI):  test/perf/measure-cold-start.sh
#
# Needs: the .NET 10 SDK with the Native AOT prerequisites (clang, zlib1g-dev), python3 with boto3,
# moto_server (moto[server]), zip, GNU time at /usr/bin/time (apt-get install time) for peak RSS.
# Wall time is taken by test/perf/cold_start.py itself (no hyperfine needed).
#
# Environment:
#   CTN_PERF_RUNS=15        runs per contender (after one warm-up publish each)
#   CTN_PERF_BUILD_DIR=DIR  build into DIR and keep it; if DIR already holds the builds they are reused
#   CTN_PERF_EVENT=FILE     the event to publish (default events/secretsmanager-get-secret-value.json)
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
runs=${CTN_PERF_RUNS:-15}
event=${CTN_PERF_EVENT:-$repo/events/secretsmanager-get-secret-value.json}

need() { command -v "$1" >/dev/null 2>&1 || { echo "measure-cold-start: needs $1 ($2)" >&2; exit 2; }; }
need dotnet ".NET 10 SDK"
need python3 "Python 3 with boto3"
need moto_server "pip install 'moto[server]'"
need zip "apt-get install zip"
/usr/bin/time -f %M -o /dev/null true 2>/dev/null || { echo "measure-cold-start: needs GNU time at /usr/bin/time (apt-get install time)" >&2; exit 2; }
# The interpreter itself, not a pyenv shim (a shell script that would add its own start-up to Python's figure).
python=$(python3 -c 'import sys; print(sys.executable)')
"$python" -c 'import boto3' 2>/dev/null || { echo "measure-cold-start: $python has no boto3 (pip install boto3)" >&2; exit 2; }
dotnet_host=$(command -v dotnet)

moto_pid=
cleanup() {
    if [[ -n $moto_pid ]]; then kill "$moto_pid" 2>/dev/null || true; wait "$moto_pid" 2>/dev/null || true; fi
    if [[ -z ${CTN_PERF_BUILD_DIR:-} && -n ${work:-} ]]; then rm -rf "$work"; fi
}
trap cleanup EXIT

if [[ -n ${CTN_PERF_BUILD_DIR:-} ]]; then work=$CTN_PERF_BUILD_DIR; mkdir -p "$work"; else work=$(mktemp -d -t ctn-perf-XXXXXX); fi
aot=$work/aot/ctn
bootstrap=$work/function/bootstrap
dll=$work/jit/ctn.dll

if [[ ! -x $aot ]]; then
    echo "Native AOT publish (dotnet publish src/CloudTrailNotifier.Cli -c Release -r linux-x64) ..." >&2
    dotnet publish "$repo/src/CloudTrailNotifier.Cli" -c Release -r linux-x64 --artifacts-path "$work/aot-artifacts" \
        -o "$work/aot" --disable-build-servers -nodeReuse:false >"$work/aot-publish.log" 2>&1 \
        || { tail -20 "$work/aot-publish.log" >&2; exit 1; }
fi
if [[ ! -x $bootstrap ]]; then
    echo "Native AOT publish (dotnet publish src/CloudTrailNotifier.Function -c Release -r linux-x64) ..." >&2
    dotnet publish "$repo/src/CloudTrailNotifier.Function" -c Release -r linux-x64 --artifacts-path "$work/aot-artifacts" \
        -o "$work/function" --disable-build-servers -nodeReuse:false >"$work/function-publish.log" 2>&1 \
        || { tail -20 "$work/function-publish.log" >&2; exit 1; }
fi
if [[ ! -f $dll ]]; then
    echo "Framework-dependent Release build (dotnet publish -c Release --no-self-contained) ..." >&2
    dotnet publish "$repo/src/CloudTrailNotifier.Cli" -c Release -p:PublishAot=false --no-self-contained --artifacts-path "$work/jit-artifacts" \
        -o "$work/jit" --disable-build-servers -nodeReuse:false >"$work/jit-publish.log" 2>&1 \
        || { tail -20 "$work/jit-publish.log" >&2; exit 1; }
fi

# The deployment package as `sam build` makes it: the executable alone, named bootstrap, zipped.
mkdir -p "$work/package"
cp "$bootstrap" "$work/package/bootstrap"
rm -f "$work/function.zip"
(cd "$work/package" && zip -q -9 "$work/function.zip" bootstrap)
exe_bytes=$(stat -c %s "$bootstrap")
zip_bytes=$(stat -c %s "$work/function.zip")

port=$("$python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
endpoint=http://127.0.0.1:$port
moto_server -H 127.0.0.1 -p "$port" >"$work/moto.log" 2>&1 &
moto_pid=$!
for _ in $(seq 100); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then break; fi
    kill -0 "$moto_pid" 2>/dev/null || { cat "$work/moto.log" >&2; exit 1; }
    sleep 0.1
done

export AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing

echo "## Cold start: process start to message published ($runs runs each, round-robin, after one warm-up each)"
echo
echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(. /etc/os-release && echo "$PRETTY_NAME"), kernel $(uname -r)"
echo ".NET SDK $(dotnet --version), $("$python" --version 2>&1), boto3 $("$python" -c 'import boto3; print(boto3.__version__)'), moto $("$python" -c 'import moto; print(moto.__version__)')"
echo "Load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
"$python" "$repo/test/perf/cold_start.py" --endpoint "$endpoint" --event "$event" --runs "$runs" \
    --aot "$aot" --bootstrap "$bootstrap" --dotnet "$dotnet_host" --dll "$dll" --python "$python" --script "$repo/test/perf/publish_boto3.py"
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "Deployment package: bootstrap $(awk -v b="$exe_bytes" 'BEGIN { printf "%.2f", b / 1e6 }') MB, function.zip (zip -9) $(awk -v b="$zip_bytes" 'BEGIN { printf "%.2f", b / 1e6 }') MB ($zip_bytes bytes)"
