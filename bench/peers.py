"""Times one Python peer on the paragraphs of a text file, run inside bench/.venv.

Usage: peers.py dateparser|quantulum3 TEXT_FILE BUDGET_SECONDS [SLICE_SECONDS]

The peer is called once per paragraph (blank-line separated), the way a newsroom tool would
call it, in file order, until BUDGET_SECONDS of CPU time are spent; at the speed of these
libraries a few megabytes would take hours. Prints one JSON object: the bytes read, the CPU
and wall seconds spent, and the number of results found.

With SLICE_SECONDS, the peer stops each time its CPU time passes a multiple of it (before the
budget's end), prints `{"pause": N}` on a line of its own and waits for a line on its standard
input before going on: bench/compare runs claimcheck in each pause, so that both are timed
across the same minutes of the machine. The pauses are left out of the wall time (and, spent
waiting, cost no CPU time).
"""

import json
import sys
import time
import warnings


def main() -> None:
    peer, path, budget = sys.argv[1], sys.argv[2], float(sys.argv[3])
    slice_ = float(sys.argv[4]) if len(sys.argv) > 4 else None
    warnings.filterwarnings("ignore")
    if peer == "dateparser":
        from dateparser.search import search_dates

        def run(text: str) -> int:
            return len(search_dates(text, languages=["en"]) or [])

    elif peer == "quantulum3":
        from quantulum3 import parser

        def run(text: str) -> int:
            return len(parser.parse(text))

    else:
        raise SystemExit(f"unknown peer {peer}")

    with open(path, encoding="utf-8") as f:
        paragraphs = [p for p in f.read().split("\n\n") if p.strip()]
    # The first call loads the peer's data (language models, unit tables); that is start-up,
    # not throughput, so it is made before the clock starts, on text not counted.
    run("The meeting took place on Monday, 3 June 2019, 40 km from the city.")
    done = found = pauses = 0
    paused = 0.0
    cpu0, wall0 = time.process_time(), time.perf_counter()
    for p in paragraphs:
        found += run(p)
        done += len(p.encode("utf-8")) + 2
        spent = time.process_time() - cpu0
        if spent >= budget:
            break
        # One pause however many slices the paragraph crossed, so that a slow paragraph does
        # not make the next few pause one after another.
        if slice_ and spent >= slice_ * (pauses + 1):
            pauses = int(spent // slice_)
            t = time.perf_counter()
            print(json.dumps({"pause": pauses}), flush=True)
            if not sys.stdin.readline():
                raise SystemExit("peers.py: standard input closed during a pause")
            paused += time.perf_counter() - t
    cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0 - paused
    print(json.dumps({"peer": peer, "bytes": done, "cpu": cpu, "wall": wall, "found": found}))


if __name__ == "__main__":
    main()
