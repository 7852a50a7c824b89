#!/usr/bin/env python3
"""Runs each contender N times against a moto_server and prints a Markdown table (called by measure-cold-start.sh).

Each timed run is one new process, timed from just before fork/exec to its exit (it exits right after printing
the MessageId, so exit is "published"). Peak RSS comes from separate runs under GNU time (`/usr/bin/time -f %M`):
ru_maxrss survives exec, so a child of this script (which holds boto3, about 45 MiB) would report at least this
script's own peak; GNU time is a small parent. Contenders run round-robin so that load on a shared machine falls on all of them alike. A run counts only if it
exits 0 and prints one MessageId; at the end the SQS queue subscribed to the topic must hold exactly one message
per counted run: at the end every printed MessageId must be one moto recorded for the topic (moto's
/moto-api/data.json), so nothing is counted that moto did not accept. The topic has no subscribers: real SNS answers
Publish before it delivers, whereas moto would deliver to a subscribed queue inside the request and add that
to every contender's time.
"""

import argparse
import http.server
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

import boto3

MESSAGE_ID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
REGION = "us-east-1"


def run_once(command, env):
    """Wall milliseconds and the MessageId (None if the run failed)."""
    start = time.perf_counter_ns()
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
    process.wait()
    elapsed_ms = (time.perf_counter_ns() - start) / 1e6
    out = process.stdout.read().decode("utf-8", "replace").strip()
    err = process.stderr.read().decode("utf-8", "replace").strip()
    process.stdout.close()
    process.stderr.close()
    ok = process.returncode == 0 and MESSAGE_ID.match(out) is not None
    if not ok:
        print("  failed run of %s: exit %d, stdout %r, stderr %r" % (command[0], process.returncode, out[:200], err[:300]), file=sys.stderr)
    return elapsed_ms, out if ok else None


class RuntimeApi:
    """A one-invocation-at-a-time Lambda Runtime API on loopback, as Lambda serves a cold start: the first
    invocation/next gets the event; its response (the function answers after publishing) stops the clock; the next
    invocation/next is answered 500, which ends the bootstrap (as a runtime that lost its API would end)."""

    def __init__(self):
        api = self
        self._lock = threading.Lock()
        self._event = None
        self.answered = threading.Event()
        self.answered_at = None
        self.response = None

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                with api._lock:
                    event, api._event = api._event, None
                if event is None or not self.path.endswith("/runtime/invocation/next"):
                    self.send_response(500)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                self.send_response(200)
                self.send_header("Lambda-Runtime-Aws-Request-Id", "cold-start-request")
                self.send_header("Lambda-Runtime-Deadline-Ms", str(int(time.time() * 1000) + 30000))
                self.send_header("Lambda-Runtime-Invoked-Function-Arn", "arn:aws:lambda:%s:123456789012:function:cold-start" % REGION)
                self.send_header("Lambda-Runtime-Trace-Id", "Root=1-00000000-000000000000000000000000")
                self.send_header("Content-Length", str(len(event)))
                self.end_headers()
                self.wfile.write(event)

            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                api.answered_at = time.perf_counter_ns()
                api.response = (self.path, body)
                self.send_response(202)
                self.send_header("Content-Length", "0")
                self.end_headers()
                api.answered.set()

        self._server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.address = "127.0.0.1:%d" % self._server.server_address[1]
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    def arm(self, event):
        with self._lock:
            self._event = event
        self.answered.clear()
        self.answered_at = None
        self.response = None


def run_bootstrap_once(command, env, api, event):
    """Wall milliseconds from process start to the invocation's response (sent after publishing), and the MessageId."""
    api.arm(event)
    start = time.perf_counter_ns()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
    answered = api.answered.wait(60)
    process.wait(60)
    err = process.stderr.read().decode("utf-8", "replace").strip()
    process.stderr.close()
    message_id = None
    if answered and api.response[0].endswith("/response"):
        message_id = json.loads(api.response[1]).get("messageId")
    if message_id is None or MESSAGE_ID.match(message_id) is None:
        print("  failed run of %s: response %r, stderr %r" % (command[-1], api.response, err[:300]), file=sys.stderr)
        return None, None
    return (api.answered_at - start) / 1e6, message_id


def peak_rss_once(command, env, time_program, runner=run_once):
    """Peak RSS in KiB of one run under GNU time, and the MessageId (None if the run failed)."""
    with tempfile.NamedTemporaryFile(prefix="ctn-perf-rss-", mode="r") as report:
        _, message_id = runner([time_program, "-f", "%M", "-o", report.name] + command, env)
        text = report.read().strip().splitlines()
    return (int(text[-1]) if text and text[-1].isdigit() else None), message_id


def quantile(sorted_values, q):
    """Linear interpolation between closest ranks."""
    position = (len(sorted_values) - 1) * q
    low = int(position)
    high = min(low + 1, len(sorted_values) - 1)
    return sorted_values[low] + (sorted_values[high] - sorted_values[low]) * (position - low)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--endpoint", required=True)
    parser.add_argument("--event", required=True)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--aot", required=True, help="the Native AOT command-line tool (ctn)")
    parser.add_argument("--bootstrap", required=True, help="the Native AOT Lambda function (bootstrap)")
    parser.add_argument("--dotnet", required=True)
    parser.add_argument("--dll", required=True, help="ctn.dll of the framework-dependent Release build")
    parser.add_argument("--python", required=True)
    parser.add_argument("--script", required=True, help="publish_boto3.py")
    parser.add_argument("--time", default="/usr/bin/time", help="GNU time")
    args = parser.parse_args()

    sns = boto3.client("sns", region_name=REGION, endpoint_url=args.endpoint)
    topic = sns.create_topic(Name="cold-start")["TopicArn"]

    with tempfile.TemporaryDirectory(prefix="ctn-perf-home-") as home:  # no ~/.aws files: only the environment keys
        measure(args, topic, home)


def measure(args, topic, home):
    env = {
        "PATH": os.environ["PATH"],
        "HOME": home,
        "LANG": "C.UTF-8",
        "AWS_ACCESS_KEY_ID": os.environ["AWS_ACCESS_KEY_ID"],
        "AWS_SECRET_ACCESS_KEY": os.environ["AWS_SECRET_ACCESS_KEY"],
        "AWS_ENDPOINT_URL_SNS": args.endpoint,
    }
    tail = [args.event, "--topic-arn", topic]
    api = RuntimeApi()
    with open(args.event, "rb") as f:
        event = f.read()
    lambda_env = dict(env, AWS_LAMBDA_RUNTIME_API=api.address, TOPIC_ARN=topic, AWS_REGION=REGION,
                      AWS_LAMBDA_FUNCTION_NAME="cold-start")
    runners = {
        "AOT `bootstrap` (Runtime API, as Lambda runs it)": lambda command, _: run_bootstrap_once(command, lambda_env, api, event),
    }
    contenders = [
        ("AOT `bootstrap` (Runtime API, as Lambda runs it)", [args.bootstrap]),
        ("AOT `ctn publish`", [args.aot, "publish"] + tail),
        ("JIT `dotnet ctn.dll publish`", [args.dotnet, args.dll, "publish"] + tail),
        ("Python 3 + boto3 (`publish_boto3.py`)", [args.python, args.script] + tail),
    ]

    # Warm-up: one publish each (moto's first request is slow; page cache is filled for every contender).
    published = {name: [] for name, _ in contenders}
    for name, command in contenders:
        _, message_id = runners.get(name, run_once)(command, env)
        if message_id is None:
            sys.exit("warm-up publish failed for %s" % name)
        published[name].append(message_id)

    results = {name: ([], []) for name, _ in contenders}
    failed = {name: 0 for name, _ in contenders}
    for _ in range(args.runs):
        for name, command in contenders:
            elapsed, message_id = runners.get(name, run_once)(command, env)
            if message_id is None:
                failed[name] += 1
            else:
                results[name][0].append(elapsed)
                published[name].append(message_id)
            rss, message_id = peak_rss_once(command, env, args.time, runners.get(name, run_once))
            if message_id is None or rss is None:
                failed[name] += 1
            else:
                results[name][1].append(rss)
                published[name].append(message_id)

    with urllib.request.urlopen(args.endpoint.rstrip("/") + "/moto-api/data.json") as answer:
        topics = json.load(answer)["sns"]["Topic"]
    recorded = {n[0]: n for t in topics if t["arn"] == topic for n in t["sent_notifications"]}
    printed = [m for ids in published.values() for m in ids]
    missing = [m for m in printed if m not in recorded]
    if missing or len(set(printed)) != len(printed) or len(recorded) != len(printed):
        sys.exit("moto recorded %d messages; %d MessageIds printed, %d of them unknown to moto" % (len(recorded), len(printed), len(missing)))

    print("| Contender | Median ms | IQR ms | Min–max ms | Peak RSS MiB (median; max) | Timed runs ok / failed runs | Message bytes |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    medians = {}
    for name, _ in contenders:
        times, rss = results[name]
        if not times or not rss:
            print("| %s | — | — | — | — | %d / %d | — |" % (name, len(times), failed[name]))
            continue
        times = sorted(times)
        medians[name] = statistics.median(times)
        sample = recorded[published[name][0]]  # (MessageId, Message, Subject, attributes, group)
        print("| %s | %.1f | %.1f–%.1f | %.1f–%.1f | %.1f; %.1f | %d / %d | %d |" % (
            name, medians[name], quantile(times, 0.25), quantile(times, 0.75), times[0], times[-1],
            statistics.median(rss) / 1024, max(rss) / 1024, len(times), failed[name],
            len((sample[2] or "").encode()) + len(sample[1].encode())))
    print()
    function, aot, jit, python = (name for name, _ in contenders)
    if function in medians and python in medians:
        print("Python + boto3 / AOT bootstrap median: %.1f× (the budget: at least 20×)" % (medians[python] / medians[function]))
    if aot in medians and python in medians:
        print("Python + boto3 / AOT ctn median: %.1f×" % (medians[python] / medians[aot]))
    if aot in medians and jit in medians:
        print("JIT / AOT median: %.1f×" % (medians[jit] / medians[aot]))
    print("moto recorded all %d printed MessageIds (timed runs, memory runs and one warm-up each)." % len(printed))
    print("Message bytes: subject plus body of the notification as moto recorded it.")
    if any(failed.values()):
        sys.exit(1)


if __name__ == "__main__":
    main()
