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
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
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


def peak_rss_once(command, env, time_program):
    """Peak RSS in KiB of one run under GNU time, and the MessageId (None if the run failed)."""
    with tempfile.NamedTemporaryFile(prefix="ctn-perf-rss-", mode="r") as report:
        _, message_id = run_once([time_program, "-f", "%M", "-o", report.name] + command, env)
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
    parser.add_argument("--aot", required=True, help="the Native AOT executable (bootstrap)")
    parser.add_argument("--dotnet", required=True)
    parser.add_argument("--dll", required=True, help="CloudTrailNotifier.dll of the framework-dependent Release build")
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
    contenders = [
        ("AOT `bootstrap publish`", [args.aot, "publish"] + tail),
        ("JIT `dotnet CloudTrailNotifier.dll publish`", [args.dotnet, args.dll, "publish"] + tail),
        ("Python 3 + boto3 (`publish_boto3.py`)", [args.python, args.script] + tail),
    ]

    # Warm-up: one publish each (moto's first request is slow; page cache is filled for every contender).
    published = {name: [] for name, _ in contenders}
    for name, command in contenders:
        _, message_id = run_once(command, env)
        if message_id is None:
            sys.exit("warm-up publish failed for %s" % name)
        published[name].append(message_id)

    results = {name: ([], []) for name, _ in contenders}
    failed = {name: 0 for name, _ in contenders}
    for _ in range(args.runs):
        for name, command in contenders:
            elapsed, message_id = run_once(command, env)
            if message_id is None:
                failed[name] += 1
            else:
                results[name][0].append(elapsed)
                published[name].append(message_id)
            rss, message_id = peak_rss_once(command, env, args.time)
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
    aot, jit, python = (name for name, _ in contenders)
    if aot in medians and python in medians:
        print("Python + boto3 / AOT median: %.1f×" % (medians[python] / medians[aot]))
    if aot in medians and jit in medians:
        print("JIT / AOT median: %.1f×" % (medians[jit] / medians[aot]))
    print("moto recorded all %d printed MessageIds (timed runs, memory runs and one warm-up each)." % len(printed))
    print("Message bytes: subject plus body of the notification as moto recorded it.")
    if any(failed.values()):
        sys.exit(1)


if __name__ == "__main__":
    main()
