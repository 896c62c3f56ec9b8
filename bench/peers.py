"""Times one Python peer on the paragraphs of a text file, run inside bench/.venv.

Usage: peers.py dateparser|quantulum3 TEXT_FILE BUDGET_SECONDS

The peer is called once per paragraph (blank-line separated), the way a newsroom tool would
call it, in file order, until BUDGET_SECONDS of CPU time are spent; at the speed of these
libraries a few megabytes would take hours. Prints one JSON object: the bytes read, the CPU
and wall seconds spent, and the number of results found.
"""

import json
import sys
import time
import warnings


def main() -> None:
    peer, path, budget = sys.argv[1], sys.argv[2], float(sys.argv[3])
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
    done = found = 0
    cpu0, wall0 = time.process_time(), time.perf_counter()
    for p in paragraphs:
        found += run(p)
        done += len(p.encode("utf-8")) + 2
        if time.process_time() - cpu0 >= budget:
            break
    cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
    print(json.dumps({"peer": peer, "bytes": done, "cpu": cpu, "wall": wall, "found": found}))


if __name__ == "__main__":
    main()
