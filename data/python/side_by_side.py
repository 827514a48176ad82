#!/usr/bin/env python3
"""The Python half of the workbook's appendix, 10 · Python side by side.

One small workload for each of the eight techniques of the article the workbook follows, written
the way Python does it, with the standard library only. The workbook's C# library runs the same
workload the .NET way in the same run and compares the two (lib/Workbook/SideBySide).

Usage (from the repository root):

    python3 data/python/side_by_side.py threads --limit 200000 --workers 2 --repeats 3

Subcommands: threads, processes, async, generators, networking, queues, balancing, caching. Each
prints one JSON object on stdout: the interpreter, the parameters it was given, the result it
computed (counts and checksums the C# side must reproduce exactly) and the best time of each
configuration in seconds. Progress notes go to stderr. Inputs are deterministic: where a workload
needs "random" data it uses the 64-bit LCG below, which the C# side implements identically.

Timing: every configuration runs once per round, rounds repeat, and the best time of each is
kept, so background load disturbs all configurations alike instead of whichever ran during it.
"""

import argparse
import asyncio
import functools
import heapq
import json
import multiprocessing
import os
import platform
import queue
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor

MASK64 = (1 << 64) - 1
MASK32 = (1 << 32) - 1
GOLDEN64 = 0x9E3779B97F4A7C15


class Lcg:
    """A 64-bit linear congruential generator (Knuth's MMIX constants), 31-bit outputs."""

    def __init__(self, seed):
        self.state = seed & MASK64

    def next(self):
        self.state = (self.state * 6364136223846793005 + 1442695040888963407) & MASK64
        return self.state >> 33


def note(message):
    print(message, file=sys.stderr, flush=True)


def rounds(repeats, configurations):
    """Runs every configuration once per round; keeps each one's best time and checks results agree."""
    best = {}
    results = {}
    for round_number in range(1, repeats + 1):
        for name, run in configurations:
            started = time.perf_counter()
            value = run()
            seconds = time.perf_counter() - started
            if name in results and results[name] != value:
                raise SystemExit(f"{name} gave {value} in round {round_number} but {results[name]} before")
            results[name] = value
            best[name] = min(best.get(name, seconds), seconds)
            note(f"round {round_number} {name}: {seconds:.4f} s")
    return best, results


def same(results, what):
    """All configurations must compute the same value; returns it."""
    values = set(results.values())
    if len(values) != 1:
        raise SystemExit(f"the configurations disagree about {what}: {results}")
    return values.pop()


# ---------------------------------------------------------------- threads and processes (CPU-bound)

def is_prime(n):
    """Trial division by odd numbers up to the square root, exactly as the C# library does it."""
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


def blocks(limit, size=10_000):
    return [(start, min(start + size, limit)) for start in range(0, limit, size)]


def chunks(limit, count):
    # Integer boundaries, like WorkItem.CountPrimesInChunks: no gaps, no overlaps.
    return [(limit * i // count, limit * (i + 1) // count) for i in range(count)]


def cmd_threads(args):
    count_range((0, min(args.limit, 20_000)))  # warm-up: the interpreter specialises its hot code
    with ThreadPoolExecutor(max_workers=args.workers) as pool:
        list(pool.map(count_range, [(0, 10)] * args.workers))  # start the threads before any clock runs
        best, results = rounds(args.repeats, [
            ("sequential", lambda: count_range((0, args.limit))),
            ("threads", lambda: sum(pool.map(count_range, blocks(args.limit)))),
        ])
    return {"primes": same(results, "the prime count")}, best


def noop(value):
    return value


def cmd_processes(args):
    context = multiprocessing.get_context()
    pool_holder = {}

    def start():
        pool = context.Pool(processes=args.workers)
        # One trivial task per worker: the pool is ready when each has answered.
        pool.map(noop, range(args.workers), chunksize=1)
        pool_holder["pool"] = pool
        return args.workers

    def warm_up():
        # Untimed, as on the C# side, whose fresh worker processes must compile their code first.
        pool_holder["pool"].map(count_range, chunks(min(args.limit, 20_000), args.workers), chunksize=1)

    def compute():
        return sum(pool_holder["pool"].map(count_range, chunks(args.limit, args.chunks), chunksize=1))

    def stop():
        pool = pool_holder.pop("pool")
        pool.close()
        pool.join()

    count_range((0, min(args.limit, 20_000)))
    best = {}
    results = {}
    for round_number in range(1, args.repeats + 1):
        round_best, round_results = rounds(1, [
            ("sequential", lambda: count_range((0, args.limit))),
            ("start", start),
        ])
        warm_up()
        compute_best, compute_results = rounds(1, [("processes", compute)])
        round_best.update(compute_best)
        round_results.update(compute_results)
        stop()
        for name, seconds in round_best.items():
            best[name] = min(best.get(name, seconds), seconds)
        if round_results["sequential"] != round_results["processes"]:
            raise SystemExit(f"processes counted {round_results['processes']} primes, sequential {round_results['sequential']}")
        results = round_results
    return {"primes": results["sequential"], "started": results["start"]}, best


# ---------------------------------------------------------------- async: many concurrent waits

async def fan_out(waits, delay):
    async def one(index):
        await asyncio.sleep(delay)
        return index

    started = time.perf_counter()
    values = await asyncio.gather(*(one(i) for i in range(waits)))
    return time.perf_counter() - started, len(values), sum(values)


def cmd_async(args):
    async def main():
        await fan_out(min(args.waits, 100), 0.001)  # warm-up
        best = None
        outcome = None
        for round_number in range(1, args.repeats + 1):
            seconds, completed, checksum = await fan_out(args.waits, args.delay_ms / 1000)
            note(f"round {round_number} wall: {seconds:.4f} s")
            outcome = (completed, checksum)
            best = seconds if best is None else min(best, seconds)
        return best, outcome

    best, (completed, checksum) = asyncio.run(main())
    return {"completed": completed, "checksum": checksum}, {"wall": best}


# ---------------------------------------------------------------- generators

def doubled(count):
    for i in range(count):
        yield i * 2


def sum_generator(count):
    total = 0
    for item in doubled(count):
        total += item
    return total


def sum_loop(count):
    total = 0
    for i in range(count):
        total += i * 2
    return total


def cmd_generators(args):
    sum_generator(min(args.items, 10_000))
    sum_loop(min(args.items, 10_000))
    best, results = rounds(args.repeats, [
        ("loop", lambda: sum_loop(args.items)),
        ("generator", lambda: sum_generator(args.items)),
    ])
    return {"sum": same(results, "the sum")}, best


# ---------------------------------------------------------------- networking: a line server on loopback

def reply(line):
    """The SUM command of the workbook's line protocol: "SUM 3 4" -> "7"."""
    parts = line.strip().split(" ")
    if parts[0].upper() != "SUM":
        return "ERR unknown command"
    try:
        return str(sum(int(p) for p in parts[1:] if p))
    except ValueError:
        return "ERR not a number"


async def serve(reader, writer):
    try:
        while True:
            line = await reader.readline()
            if not line:
                break
            writer.write((reply(line.decode()) + "\n").encode())
            await writer.drain()
    finally:
        writer.close()


async def client(port, number, exchanges):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    total = 0
    try:
        for exchange in range(exchanges):
            writer.write(f"SUM {number} {exchange}\n".encode())
            await writer.drain()
            total += int(await reader.readline())
    finally:
        writer.close()
        await writer.wait_closed()
    return total


def cmd_networking(args):
    async def main():
        server = await asyncio.start_server(serve, "127.0.0.1", 0)
        port = server.sockets[0].getsockname()[1]
        try:
            await client(port, 0, 10)  # warm-up
            best = None
            outcome = None
            for round_number in range(1, args.repeats + 1):
                started = time.perf_counter()
                totals = await asyncio.gather(*(client(port, c, args.exchanges) for c in range(args.clients)))
                seconds = time.perf_counter() - started
                note(f"round {round_number}: {seconds:.4f} s")
                outcome = (args.clients * args.exchanges, sum(totals))
                best = seconds if best is None else min(best, seconds)
            return best, outcome
        finally:
            server.close()
            await server.wait_closed()

    best, (replies, checksum) = asyncio.run(main())
    return {"replies": replies, "checksum": checksum}, {"exchanges": best}


# ---------------------------------------------------------------- message queues: producer -> consumer

def blocking_hand_off(items, capacity):
    channel = queue.Queue(maxsize=capacity)
    received = {}

    def produce():
        for item in range(1, items + 1):
            channel.put(item)
        channel.put(None)  # the sentinel: nothing more will come

    def consume():
        count = total = 0
        while (item := channel.get()) is not None:
            count += 1
            total += item
        received["value"] = (count, total)

    threads = [threading.Thread(target=produce), threading.Thread(target=consume)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return received["value"]


def async_hand_off(items, capacity):
    async def main():
        channel = asyncio.Queue(maxsize=capacity)

        async def produce():
            for item in range(1, items + 1):
                await channel.put(item)
            await channel.put(None)

        async def consume():
            count = total = 0
            while (item := await channel.get()) is not None:
                count += 1
                total += item
            return count, total

        _, outcome = await asyncio.gather(produce(), consume())
        return outcome

    return asyncio.run(main())


def cmd_queues(args):
    blocking_hand_off(min(args.items, 10_000), args.capacity)
    async_hand_off(min(args.items, 10_000), args.capacity)
    best, results = rounds(args.repeats, [
        ("blocking", lambda: blocking_hand_off(args.items, args.capacity)),
        ("async", lambda: async_hand_off(args.items, args.capacity)),
    ])
    count, checksum = same(results, "what arrived")
    return {"items": count, "checksum": checksum}, best


# ---------------------------------------------------------------- load balancing: a tiny balancer

WEIGHTS = (4, 2, 1, 1)


class RoundRobin:
    name = "round-robin"

    def __init__(self, weights):
        self.count = len(weights)
        self.turn = -1

    def pick(self, outstanding):
        self.turn += 1
        return self.turn % self.count


class SmoothWeightedRoundRobin:
    """nginx's smooth weighted round-robin; ties go to the lower index."""
    name = "weighted-round-robin"

    def __init__(self, weights):
        self.weights = list(weights)
        self.total = sum(weights)
        self.current = [0] * len(weights)

    def pick(self, outstanding):
        best = 0
        for i, weight in enumerate(self.weights):
            self.current[i] += weight
            if self.current[i] > self.current[best]:
                best = i
        self.current[best] -= self.total
        return best


class LeastConnections:
    """Fewest outstanding requests. Each scan starts at a spread-out position (Fibonacci hashing of the
    pick number) and keeps the first minimum it meets: the same tie rule as the workbook's C# policy."""
    name = "least-connections"

    def __init__(self, weights):
        self.count = len(weights)
        self.picks = -1

    def pick(self, outstanding):
        self.picks += 1
        spread = (self.picks * GOLDEN64) & MASK64
        start = ((spread >> 32) * self.count) >> 32
        best = -1
        best_load = None
        for k in range(self.count):
            i = start + k if start + k < self.count else start + k - self.count
            load = outstanding[i]
            if best_load is None or load < best_load:
                best, best_load = i, load
                if load <= 0:
                    break
        return best


def balance(policy_type, requests, seed):
    """Request t arrives at step t and holds its backend for 1-12 steps; all that ended go first."""
    policy = policy_type(WEIGHTS)
    outstanding = [0] * len(WEIGHTS)
    picks = [0] * len(WEIGHTS)
    ends = []  # heap of (end step, request number, backend)
    random = Lcg(seed)
    sequence_hash = 0
    for step in range(requests):
        while ends and ends[0][0] <= step:
            _, _, done = heapq.heappop(ends)
            outstanding[done] -= 1
        backend = policy.pick(outstanding)
        outstanding[backend] += 1
        picks[backend] += 1
        sequence_hash = (sequence_hash * 31 + backend + 1) & MASK32
        heapq.heappush(ends, (step + 1 + random.next() % 12, step, backend))
    return tuple(picks), sequence_hash


def cmd_balancing(args):
    policies = (RoundRobin, SmoothWeightedRoundRobin, LeastConnections)
    for policy in policies:
        balance(policy, min(args.requests, 5_000), args.seed)
    best, results = rounds(args.repeats, [
        (policy.name, functools.partial(balance, policy, args.requests, args.seed)) for policy in policies
    ])
    result = {}
    for name, (picks, sequence_hash) in results.items():
        for backend, count in enumerate(picks):
            result[f"{name}.b{backend}"] = count
        result[f"{name}.hash"] = sequence_hash
    return result, best


# ---------------------------------------------------------------- tuning: caching with functools.lru_cache

def expensive(key):
    """A pure, CPU-bound function worth caching: the primes among 20 numbers that depend on the key."""
    return count_range((key * 20, key * 20 + 20))


def keys(calls, seed):
    """Three calls in four go to 64 hot keys, the rest spread over 1,000 cold ones."""
    random = Lcg(seed)
    result = []
    for _ in range(calls):
        value = random.next()
        result.append(value % 64 if (value >> 20) % 4 != 0 else 64 + value % 1000)
    return result


def cmd_caching(args):
    stream = keys(args.calls, args.seed)
    info = {}

    def uncached():
        return sum(expensive(k) for k in stream)

    def cached():
        # A fresh cache every round, so every round starts cold and counts the same hits and misses.
        memo = functools.lru_cache(maxsize=args.maxsize)(expensive)
        total = sum(memo(k) for k in stream)
        info["value"] = memo.cache_info()
        return total

    best, results = rounds(args.repeats, [("uncached", uncached), ("cached", cached)])
    checksum = same(results, "the checksum")
    hits, misses, _, size = info["value"]
    return {"checksum": checksum, "hits": hits, "misses": misses, "size": size}, best


# ---------------------------------------------------------------- plumbing

COMMANDS = {
    "threads": (cmd_threads, [("limit", 200_000), ("workers", 2), ("repeats", 3)]),
    "processes": (cmd_processes, [("limit", 200_000), ("workers", 2), ("chunks", 16), ("repeats", 2)]),
    "async": (cmd_async, [("waits", 100_000), ("delay-ms", 500), ("repeats", 1)]),
    "generators": (cmd_generators, [("items", 2_000_000), ("repeats", 3)]),
    "networking": (cmd_networking, [("clients", 50), ("exchanges", 100), ("repeats", 2)]),
    "queues": (cmd_queues, [("items", 100_000), ("capacity", 1_000), ("repeats", 2)]),
    "balancing": (cmd_balancing, [("requests", 100_000), ("seed", 42), ("repeats", 2)]),
    "caching": (cmd_caching, [("calls", 10_000), ("maxsize", 128), ("seed", 7), ("repeats", 2)]),
}


def gil_enabled():
    # Python 3.13+ can be built without the GIL and says so here; older versions always have it.
    check = getattr(sys, "_is_gil_enabled", None)
    return True if check is None else bool(check())


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="technique", required=True)
    for name, (_, options) in COMMANDS.items():
        sub = commands.add_parser(name)
        for option, default in options:
            sub.add_argument(f"--{option}", type=int, default=default)
    args = parser.parse_args()
    run, options = COMMANDS[args.technique]
    parameters = {option: getattr(args, option.replace("-", "_")) for option, _ in options}
    bad = [f"--{option} {value}" for option, value in parameters.items() if value < 1]
    if bad:
        parser.error("every parameter must be at least 1, got " + ", ".join(bad))

    result, seconds = run(args)
    affinity = getattr(os, "sched_getaffinity", None)
    json.dump({
        "technique": args.technique,
        "interpreter": {
            "implementation": platform.python_implementation(),
            "version": platform.python_version(),
            "gil": gil_enabled(),
            "usableCores": len(affinity(0)) if affinity else os.cpu_count(),
        },
        "parameters": parameters,
        "result": result,
        "seconds": {name: round(value, 6) for name, value in seconds.items()},
    }, sys.stdout)
    print()


if __name__ == "__main__":
    main()
