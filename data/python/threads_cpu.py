#!/usr/bin/env python3
"""Counts primes with CPython threads and with processes, and prints the timings as JSON.

Chapter 01 of the Concurrency Workbook compares this recording with .NET threads doing the
same work. The workload matches the library's PrimeCounting: trial division by odd numbers,
handed out in blocks of 10,000 numbers to whichever worker is free.

Standard library only. Run it from the repository root to re-record on your machine:

    python3 data/python/threads_cpu.py > data/python/threads_cpu.json

Options: --limit N (count primes below N), --max-workers N, --repeats N (best of N rounds).
"""

import argparse
import datetime
import json
import os
import platform
import sys
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

BLOCK_SIZE = 10_000


def is_prime(n):
    """Trial division by odd numbers up to the square root, like the C# version."""
    if n < 2:
        return False
    if n % 2 == 0:
        return n == 2
    d = 3
    while d * d <= n:
        if n % d == 0:
            return False
        d += 2
    return True


def count_range(bounds):
    start, end = bounds
    return sum(1 for n in range(start, end) if is_prime(n))


def blocks(limit):
    return [(start, min(start + BLOCK_SIZE, limit)) for start in range(0, limit, BLOCK_SIZE)]


def time_once(run):
    started = time.perf_counter()
    result = run()
    return time.perf_counter() - started, result


def run_on_pool(pool_type, workers, limit):
    with pool_type(max_workers=workers) as pool:
        # Start every worker before the clock runs: we measure the counting, not pool start-up.
        list(pool.map(count_range, [(0, 10)] * workers))
        return time_once(lambda: sum(pool.map(count_range, blocks(limit))))


def cpu_model():
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            for line in info:
                if line.lower().startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def load_average():
    """The 1-minute load average (runnable threads, averaged), or None where the OS has none."""
    try:
        return round(os.getloadavg()[0], 2)
    except (AttributeError, OSError):
        return None


def gil_enabled():
    # Python 3.13+ can be built without the GIL and says so here; older versions always have it.
    check = getattr(sys, "_is_gil_enabled", None)
    return True if check is None else bool(check())


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=500_000)
    parser.add_argument("--max-workers", type=int, default=4)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    if args.limit < 1 or args.max_workers < 1 or args.repeats < 1:
        parser.error("--limit, --max-workers and --repeats must all be at least 1")

    configurations = [("sequential", 1, None)] + [
        (mode, workers, pool_type)
        for mode, pool_type in (("threads", ThreadPoolExecutor), ("processes", ProcessPoolExecutor))
        for workers in range(1, args.max_workers + 1)
    ]

    # Rounds, each running every configuration once, and the best time of each kept: background
    # load on the machine then disturbs all configurations alike instead of whichever ran during it.
    load_before = load_average()
    best = {}
    primes = None
    for round_number in range(1, args.repeats + 1):
        for mode, workers, pool_type in configurations:
            if pool_type is None:
                seconds, counted = time_once(lambda: count_range((0, args.limit)))
            else:
                seconds, counted = run_on_pool(pool_type, workers, args.limit)
            primes = counted if primes is None else primes
            if counted != primes:
                raise SystemExit(f"{mode} with {workers} workers counted {counted} primes, expected {primes}")
            key = (mode, workers)
            best[key] = min(best.get(key, seconds), seconds)
            print(f"round {round_number} {mode:10} x{workers}: {seconds:.3f} s", file=sys.stderr)

    sequential = best[("sequential", 1)]
    results = [
        {
            "mode": mode,
            "workers": workers,
            "seconds": round(best[(mode, workers)], 4),
            "speedup": round(sequential / best[(mode, workers)], 3),
        }
        for mode, workers, _ in configurations
    ]

    affinity = getattr(os, "sched_getaffinity", None)
    recording = {
        "description": "CPython counting primes below the limit: sequential, with 1..N threads, with 1..N processes.",
        "recordedAt": datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0).isoformat(),
        "machine": {
            "cpu": cpu_model(),
            "logicalCores": os.cpu_count(),
            "usableCores": len(affinity(0)) if affinity else os.cpu_count(),
            "os": platform.platform(),
            "python": platform.python_version(),
            "implementation": platform.python_implementation(),
            "gil": gil_enabled(),
            # Other programs competing for the cores lower every speedup; this says how busy it was.
            "loadAverageBefore": load_before,
            "loadAverageAfter": load_average(),
        },
        "workload": {
            "limit": args.limit,
            "primes": primes,
            "blockSize": BLOCK_SIZE,
            "timing": f"best of {args.repeats} rounds, each running every configuration once; speedup = sequential seconds / seconds",
        },
        "results": results,
    }
    json.dump(recording, sys.stdout, indent=2)
    print()


if __name__ == "__main__":
    main()
