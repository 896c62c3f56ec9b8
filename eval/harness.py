#!/usr/bin/env python3
"""Measures claimcheck's date extraction on the peer test suites in ../shared/eval.

The suites are read where they are, never copied into the repository. Each case's text is
written to its own temporary .txt file, cases are grouped by reference date, and the real
binary is run once per group of up to --chunk files:

    claimcheck extract --format json --published YYYY-MM-DD FILE...

The date claims of JSON contract v1 are then scored against each suite's expectations. See
eval/README.md for what the columns mean. Python 3.11 standard library only; exits 0 whatever
the scores, and non-zero only when the binary or the suites cannot be found.
"""

from __future__ import annotations

import argparse
import collections
import json
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CALENDAR = re.compile(r"^\d{4}(-\d\d(-\d\d)?)?$")
MONTHS = (
    r"\b(january|february|march|april|may|june|july|august|september|october|november|december"
    r"|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\b\.?"
)
WEEKDAYS = r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"


@dataclass
class Case:
    """One text to run, with the date the binary anchors it to."""

    text: str
    published: str | None
    claims: list[dict] = field(default_factory=list)


@dataclass
class Target:
    """One expected date expression: where it is (character offsets), and what it is worth."""

    case: Case
    spans: list[tuple[int, int]] | None  # None: the whole text is the expression.
    values: set[str]
    surface: str


@dataclass
class Score:
    name: str
    targets: int = 0
    found: int = 0
    right: int = 0
    claims: int = 0
    claims_on_target: int = 0
    misses: collections.Counter = field(default_factory=collections.Counter)
    examples: dict = field(default_factory=dict)
    stray: list = field(default_factory=list)


def shape(surface: str) -> str:
    """A coarse pattern of a surface, to bucket misses: digits become 9, names become words."""
    s = surface.lower()
    s = re.sub(MONTHS, "MONTH", s)
    s = re.sub(WEEKDAYS, "WEEKDAY", s)
    s = re.sub(r"\d", "9", s)
    s = re.sub(r"9+", "9", s)
    return s


def run_binary(binary: Path, cases: list[Case], chunk: int) -> None:
    """Fills each case's date claims (with character offsets) by running the binary in groups."""
    groups: dict[str | None, list[Case]] = collections.defaultdict(list)
    for case in cases:
        groups[case.published].append(case)
    with tempfile.TemporaryDirectory(prefix="claimcheck-eval-") as tmp:
        tmpdir = Path(tmp)
        serial = 0
        for published, group in sorted(groups.items(), key=lambda kv: kv[0] or ""):
            for start in range(0, len(group), chunk):
                batch = group[start : start + chunk]
                paths = []
                for case in batch:
                    serial += 1
                    path = tmpdir / f"case{serial}.txt"
                    path.write_bytes(case.text.encode("utf-8"))
                    paths.append(path)
                command = [str(binary), "extract", "--format", "json"]
                if published:
                    command += ["--published", published]
                command += [str(p) for p in paths]
                proc = subprocess.run(command, capture_output=True, text=True)
                try:
                    report = json.loads(proc.stdout)
                except json.JSONDecodeError:
                    first = (proc.stderr.strip().splitlines() or ["no output"])[0]
                    print(f"warning: {binary} failed on {len(batch)} files ({first})", file=sys.stderr)
                    continue
                by_path = {str(Path(d["path"]).name): d for d in report.get("documents", [])}
                for case, path in zip(batch, paths):
                    doc = by_path.get(path.name, {"claims": []})
                    raw = case.text.encode("utf-8")
                    for claim in doc.get("claims", []):
                        if claim.get("kind") != "date":
                            continue
                        span = claim["span"]
                        start_char = len(raw[: span["start"]].decode("utf-8", errors="ignore"))
                        end_char = len(raw[: span["end"]].decode("utf-8", errors="ignore"))
                        details = claim.get("details") or {}
                        case.claims.append(
                            {"start": start_char, "end": end_char, "date": details.get("date")}
                        )


def overlaps(claim: dict, span: tuple[int, int]) -> bool:
    return claim["start"] < span[1] and span[0] < claim["end"]


def score(name: str, targets: list[Target], on_target: dict[int, list[tuple[int, int]] | None]) -> Score:
    """Scores targets; `on_target` gives, per case, the spans any claim may rightly overlap."""
    result = Score(name)
    for t in targets:
        result.targets += 1
        near = [c for c in t.case.claims if t.spans is None or any(overlaps(c, s) for s in t.spans)]
        if near:
            result.found += 1
        if any(c["date"] in t.values for c in near):
            result.right += 1
        else:
            kind = "not found" if not near else "wrong value"
            bucket = f"{kind}: {shape(t.surface)}"
            result.misses[bucket] += 1
            got = ", ".join(f"{t.case.text[c['start']:c['end']]}={c['date']}" for c in near)
            result.examples.setdefault(
                bucket, f"{t.surface!r} want {sorted(t.values)} got [{got}] ({t.case.published})"
            )
    for case_id, spans in on_target.items():
        case = cases_by_id[case_id]
        for c in case.claims:
            result.claims += 1
            if spans is None or any(overlaps(c, s) for s in spans):
                result.claims_on_target += 1
            else:
                result.stray.append(f"{case.text[c['start']:c['end']]!r}={c['date']} in {case.text[:120]!r}")
    return result


cases_by_id: dict[int, Case] = {}


def register(case: Case) -> Case:
    cases_by_id[id(case)] = case
    return case


def occurrences(text: str, surface: str) -> list[tuple[int, int]]:
    """Every place the surface stands in the text (a sentence may repeat it)."""
    spans = []
    start = text.find(surface)
    while start >= 0:
        spans.append((start, start + len(surface)))
        start = text.find(surface, start + 1)
    return spans


def normalise_dct(dct: str | None) -> str | None:
    if not dct:
        return None
    m = re.fullmatch(r"(\d\d)-(\d\d)-(\d{4})", dct)
    if m:
        return f"{m.group(3)}-{m.group(2)}-{m.group(1)}"
    return dct[:10]


def load_meantime(path: Path):
    cases: dict[tuple[str, str | None], Case] = {}
    targets: list[Target] = []
    on_target: dict[int, list[tuple[int, int]]] = {}
    for line in path.open(encoding="utf-8"):
        row = json.loads(line)
        published = normalise_dct(row.get("dct"))
        key = (row["text"], published)
        case = cases.get(key) or register(Case(row["text"], published))
        cases[key] = case
        spans = occurrences(row["text"], row["surface"])
        expected = row["expected"]
        if expected["type"] in ("DATE", "TIME"):
            on_target.setdefault(id(case), []).extend(spans)
        else:
            on_target.setdefault(id(case), [])
        if expected["type"] == "DATE" and CALENDAR.match(expected["value"]):
            targets.append(Target(case, spans, {expected["value"]}, row["surface"]))
    return list(cases.values()), {"MEANTIME DATE": (targets, on_target)}


def load_recognizers(path: Path):
    cases: list[Case] = []
    dates: list[Target] = []
    ranges: list[Target] = []
    on_target: dict[int, list[tuple[int, int]]] = {}
    for line in path.open(encoding="utf-8"):
        row = json.loads(line)
        case = register(Case(row["text"], (row.get("ref_time") or "")[:10] or None))
        cases.append(case)
        spans_all = []
        for e in row.get("expected") or []:
            # Recognizers' `end` is inclusive.
            span = (e["start"], e["end"] + 1)
            spans_all.append(span)
            values = (e.get("resolution") or {}).get("values") or []
            timex = values[0].get("timex", "") if values else ""
            if e["type"] == "datetimeV2.date":
                if CALENDAR.match(timex):
                    wanted = {timex}
                elif re.fullmatch(r"XXXX-\d\d-\d\d", timex):
                    # No year in the text: any of the resolutions the reference gives is right.
                    wanted = {v["value"] for v in values if CALENDAR.match(v.get("value") or "")}
                else:
                    continue
                if not wanted:
                    continue
                dates.append(Target(case, [span], wanted, e["span"]))
            elif e["type"] == "datetimeV2.daterange":
                if CALENDAR.match(timex):
                    wanted = {timex}
                elif re.fullmatch(r"XXXX-\d\d", timex):
                    wanted = {v["start"][:7] for v in values if v.get("start")}
                else:
                    continue
                if not wanted:
                    continue
                ranges.append(Target(case, [span], wanted, e["span"]))
        on_target[id(case)] = spans_all
    return cases, {
        "Recognizers date": (dates, on_target),
        "Recognizers daterange (month/year)": (ranges, {}),
    }


def load_duckling(path: Path):
    cases: list[Case] = []
    targets: list[Target] = []
    on_target: dict[int, None] = {}
    pattern = re.compile(r"datetime \((-?\d+), (\d+), (\d+), \d+, \d+, \d+\) (\w+)")
    for line in path.open(encoding="utf-8"):
        row = json.loads(line)
        m = pattern.match(row.get("expected") or "")
        if not m or m.group(4) not in ("Day", "Month", "Year"):
            continue
        y, mo, d, grain = int(m.group(1)), int(m.group(2)), int(m.group(3)), m.group(4)
        value = {"Day": f"{y:04}-{mo:02}-{d:02}", "Month": f"{y:04}-{mo:02}", "Year": f"{y:04}"}[grain]
        case = register(Case(row["text"], (row.get("ref_time") or "")[:10] or None))
        cases.append(case)
        targets.append(Target(case, None, {value}, row["text"]))
        on_target[id(case)] = None
    return cases, {"Duckling time (day/month/year)": (targets, on_target)}


def percent(n: int, d: int) -> str:
    return f"{100 * n / d:5.1f}%" if d else "    -"


def print_table(scores: list[Score], top: int, examples: bool, stray: bool) -> None:
    header = f"{'suite':36} {'cases':>6} {'found':>6} {'right':>6} {'precision':>9} {'recall':>7} {'accuracy':>8}"
    print(header)
    print("-" * len(header))
    for s in scores:
        print(
            f"{s.name:36} {s.targets:6} {s.found:6} {s.right:6} {percent(s.claims_on_target, s.claims):>9}"
            f" {percent(s.found, s.targets):>7} {percent(s.right, s.targets):>8}"
        )
    for s in scores:
        print(f"\n{s.name}: the {top} most common misses")
        for bucket, n in s.misses.most_common(top):
            print(f"  {n:4}  {bucket}")
            if examples:
                print(f"        e.g. {s.examples[bucket]}")
        if stray and s.stray:
            print(f"{s.name}: claims on no expected expression")
            for line in s.stray:
                print(f"  {line}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval-dir", type=Path, default=REPO.parent / "shared" / "eval")
    parser.add_argument("--bin", type=Path, default=REPO / "target" / "debug" / "claimcheck")
    parser.add_argument("--chunk", type=int, default=200, help="files per binary call")
    parser.add_argument("--top", type=int, default=10, help="miss buckets shown per suite")
    parser.add_argument("--examples", action="store_true", help="show one example per miss bucket")
    parser.add_argument("--stray", action="store_true", help="list claims on no expected expression")
    parser.add_argument(
        "--suite", choices=["meantime", "recognizers", "duckling"], action="append",
        help="run only this suite (repeatable)",
    )
    args = parser.parse_args()
    if not args.bin.exists():
        print(f"error: no binary at {args.bin}; run `cargo build` first", file=sys.stderr)
        return 2
    loaders = {
        "meantime": ("meantime_en_timex.jsonl", load_meantime),
        "recognizers": ("recognizers_DateTimeModel.jsonl", load_recognizers),
        "duckling": ("duckling_time.jsonl", load_duckling),
    }
    scores = []
    for key in args.suite or list(loaders):
        filename, loader = loaders[key]
        path = args.eval_dir / filename
        if not path.exists():
            print(f"error: no suite at {path}", file=sys.stderr)
            return 2
        cases, suites = loader(path)
        run_binary(args.bin, cases, args.chunk)
        for name, (targets, on_target) in suites.items():
            scores.append(score(name, targets, on_target))
    print_table(scores, args.top, args.examples, args.stray)
    return 0


if __name__ == "__main__":
    sys.exit(main())
