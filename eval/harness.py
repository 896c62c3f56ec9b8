#!/usr/bin/env python3
"""Measures claimcheck and its peers on the peer test suites in ../shared/eval.

The suites are read where they are, never copied into the repository. claimcheck is the real
binary, run once per group of files that share a reference date:

    claimcheck extract --format json --published YYYY-MM-DD FILE...

The peers (dateparser, quantulum3, Recognizers-Text's Python port, geographiclib) run in a private
environment, eval/.venv, that this script creates from eval/requirements.txt. Every system's
output is put in one shape and scored by the same code (scoring.py). See eval/README.md for what
the columns mean. The harness itself needs only Python 3.11's standard library; it exits 0
whatever the scores, and 2 when the binary or a suite cannot be found.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import math
import platform
import re
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import scoring  # noqa: E402
import suites as suite_data  # noqa: E402
import systems  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
GEOD_LINE = re.compile(r"GeodTest-100: largest error (\S+) m, mean (\S+) m over (\d+) geodesics")


def geodesy(eval_dir: Path, peers: bool, markdown: bool) -> str:
    """GeodTest-100: claimcheck's geodesic (through its crate's test, which prints the errors)
    beside geographiclib's Python package."""
    path = eval_dir / "geodtest_100.jsonl"
    rows = []
    command = ["cargo", "test", "-q", "-p", "claimcheck-geo", "--test", "geo", "geodtest", "--",
               "--nocapture"]
    proc = subprocess.run(command, cwd=REPO, capture_output=True, text=True)
    m = GEOD_LINE.search(proc.stdout)
    if m:
        rows.append(["claimcheck (geographiclib-rs)", m.group(3), f"{float(m.group(1)):.3e}",
                     f"{float(m.group(2)):.3e}"])
    else:
        last = (proc.stderr.strip().splitlines() or ["no output"])[-1][:120]
        rows.append(["claimcheck (geographiclib-rs)", "100", "-", f"COULD NOT RUN: {last}"])
    if peers:
        import json

        cases = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        distances, reason = systems.geodesics(path)
        if distances is None:
            rows.append(["geographiclib (Python)", str(len(cases)), "-", f"COULD NOT RUN: {reason}"])
        else:
            errors = [abs(s - c["expected"]["s12_m"]) for s, c in zip(distances, cases)]
            bad = [e for e in errors if math.isnan(e)]
            good = [e for e in errors if not math.isnan(e)]
            rows.append(["geographiclib (Python)", str(len(cases)), f"{max(good):.3e}",
                         f"{sum(good) / len(good):.3e}" + (f" ({len(bad)} failed)" if bad else "")])
    header = ["system", "geodesics", "largest error (m)", "mean error (m)"]
    if markdown:
        lines = ["#### GeodTest-100\n", "| " + " | ".join(header) + " |", "|---|---:|---:|---:|"]
        lines += ["| " + " | ".join(r) + " |" for r in rows]
    else:
        widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(header)]
        lines = ["== GeodTest-100"]
        lines += ["  ".join(v.ljust(widths[i]) if i == 0 else v.rjust(widths[i]) for i, v in enumerate(r))
                  for r in [header] + rows]
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval-dir", type=Path, default=REPO.parent / "shared" / "eval",
                        help="where the suites are (read in place)")
    parser.add_argument("--bin", type=Path, default=REPO / "target" / "debug" / "claimcheck")
    parser.add_argument("--suite", choices=[*suite_data.LOADERS, "geodesy"], action="append",
                        help="run only this suite (repeatable)")
    parser.add_argument("--no-peers", action="store_true", help="measure claimcheck only")
    parser.add_argument("--setup", action="store_true",
                        help="(re)install the peers into eval/.venv even if it exists")
    parser.add_argument("--prefer", default="current_period", choices=["past", "future", "current_period"],
                        help="dateparser's PREFER_DATES_FROM (default: dateparser's own, its best overall)")
    parser.add_argument("--chunk", type=int, default=200, help="files per binary call")
    parser.add_argument("--peer-chunk", type=int, default=400, help="cases per peer process")
    parser.add_argument("--peer-timeout", type=float, default=1200, help="seconds per peer batch")
    parser.add_argument("--top", type=int, default=10, help="miss buckets shown per system")
    parser.add_argument("--examples", action="store_true", help="one example per miss bucket")
    parser.add_argument("--peer-misses", action="store_true", help="show the peers' misses too")
    parser.add_argument("--stray", action="store_true", help="list predictions on no expected expression")
    parser.add_argument("--every-miss", action="store_true", help="list every miss, not only the buckets")
    parser.add_argument("--markdown", action="store_true", help="print the tables as Markdown")
    args = parser.parse_args()

    started = time.monotonic()
    if not args.bin.exists():
        print(f"error: no binary at {args.bin}; run `cargo build` first", file=sys.stderr)
        return 2
    chosen = args.suite or [*suite_data.LOADERS, "geodesy"]
    loaded = []
    for key in chosen:
        if key == "geodesy":
            continue
        filename, loader = suite_data.LOADERS[key]
        path = args.eval_dir / filename
        if not path.exists():
            print(f"error: no suite at {path}", file=sys.stderr)
            return 2
        loaded.extend(loader(path))

    peer_failure = None if args.no_peers else systems.ensure_venv(args.setup)
    if peer_failure:
        print(f"\n!!! THE PEERS COULD NOT BE INSTALLED: {peer_failure}\n!!! their rows say so.\n",
              file=sys.stderr)

    # Each system runs once over all the cases of its kind (a case object may serve two suites).
    def unique_cases(kind: str) -> list:
        seen, out = set(), []
        for s in loaded:
            if s.kind == kind:
                for c in s.cases:
                    if id(c) not in seen:
                        seen.add(id(c))
                        out.append(c)
        return out

    jobs = {}
    unavailable: dict[tuple[str, str], str] = {}
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        every = unique_cases("date") + unique_cases("quantity")
        jobs[pool.submit(systems.run_claimcheck, args.bin, every, args.chunk)] = ("claimcheck", "")
        if not args.no_peers:
            for kind in ("date", "quantity"):
                cases = unique_cases(kind)
                if not cases:
                    continue
                for display, name in systems.PEERS[kind].items():
                    if peer_failure:
                        unavailable[(display, kind)] = peer_failure
                        continue
                    future = pool.submit(systems.run_peer, name, cases, display, args.peer_chunk,
                                         args.peer_timeout, args.prefer)
                    jobs[future] = (display, kind)
        for future in concurrent.futures.as_completed(jobs):
            display, kind = jobs[future]
            try:
                reason = future.result()
            except Exception as e:  # noqa: BLE001 - a broken peer is reported, not fatal.
                reason = f"{type(e).__name__}: {e}"
            if reason:
                unavailable[(display, kind)] = reason
                print(f"\n!!! {display} COULD NOT RUN on the {kind} suites: {reason}\n", file=sys.stderr)
            systems.log(f"{display}: done ({time.monotonic() - started:.0f} s)")

    out = []
    for s in loaded:
        names = ["claimcheck"] + ([] if args.no_peers else list(systems.PEERS[s.kind]))
        scores = []
        for name in names:
            sc = scoring.score(s, name)
            sc.unavailable = unavailable.get((name, s.kind))
            scores.append(sc)
        out.append(scoring.render(s, scores, args.top, args.examples, args.peer_misses, args.stray,
                                  args.markdown, args.every_miss))
    if "geodesy" in chosen:
        out.append(geodesy(args.eval_dir, not args.no_peers and not peer_failure, args.markdown))
    print("\n".join(out))
    elapsed = time.monotonic() - started
    print(f"ran in {elapsed:.0f} s on {platform.machine()} {platform.system()}, Python "
          f"{platform.python_version()}; binary {args.bin}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
