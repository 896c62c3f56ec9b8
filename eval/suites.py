"""The peer suites read in place from the shared evaluation folder, as cases and targets.

A case is one text and its reference date; every system runs over the same cases. A target is one
expected expression: where it stands (character offsets, or the whole text) and what it is worth,
in claimcheck's notation (ISO dates at their precision; quantities as value and normalised unit).
Each loader returns one or more `Suite`s, which are scored by the same code for every system.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import units

CALENDAR = re.compile(r"^\d{4}(-\d\d(-\d\d)?)?$")


@dataclass(eq=False)
class Case:
    """One text to run, with the date that anchors it."""

    text: str
    ref: str | None
    predictions: dict[str, list[dict]] = field(default_factory=dict)
    errors: dict[str, str | None] = field(default_factory=dict)


@dataclass(eq=False)
class Target:
    """One expected expression. `spans` None: the whole text is the expression."""

    case: Case
    spans: list[tuple[int, int]] | None
    surface: str
    # Dates: the accepted ISO values.
    values: set[str] = field(default_factory=set)
    # Quantities: the value (the lower end of a range), its upper end, the accepted units and the
    # comparator direction the text states ("lt", "gt" or None).
    value: float | None = None
    value_max: float | None = None
    unit: set[str] = field(default_factory=set)
    direction: str | None = None


@dataclass
class Suite:
    name: str
    kind: str  # "date" or "quantity"
    cases: list[Case]
    targets: list[Target]
    # Per case, the spans a prediction may rightly stand on (None: anywhere); a case absent from
    # the map is not used for precision.
    on_target: dict[int, list[tuple[int, int]] | None]
    # Quantity suites: which predictions the suite is about (the same filter for every system).
    counts: str = "all"  # "all", "measure" (not money, ratio or a bare count) or "length"
    show_precision: bool = True
    # Every target is a holiday: misses are bucketed by whether claimcheck's table knows it.
    holidays: bool = False


def occurrences(text: str, surface: str) -> list[tuple[int, int]]:
    """Every place the surface stands in the text (a sentence may repeat it)."""
    spans = []
    start = text.find(surface)
    while start >= 0:
        spans.append((start, start + len(surface)))
        start = text.find(surface, start + 1)
    if not spans and surface:
        lower = text.lower()
        start = lower.find(surface.lower())
        while start >= 0:
            spans.append((start, start + len(surface)))
            start = lower.find(surface.lower(), start + 1)
    return spans


def normalise_dct(dct: str | None) -> str | None:
    if not dct:
        return None
    m = re.fullmatch(r"(\d\d)-(\d\d)-(\d{4})", dct)
    if m:
        return f"{m.group(3)}-{m.group(2)}-{m.group(1)}"
    return dct[:10]


def rows(path: Path):
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


def load_meantime(path: Path) -> list[Suite]:
    cases: dict[tuple[str, str | None], Case] = {}
    targets: list[Target] = []
    on_target: dict[int, list[tuple[int, int]]] = {}
    for row in rows(path):
        published = normalise_dct(row.get("dct"))
        key = (row["text"], published)
        case = cases.setdefault(key, Case(row["text"], published))
        spans = occurrences(row["text"], row["surface"])
        expected = row["expected"]
        slot = on_target.setdefault(id(case), [])
        if expected["type"] in ("DATE", "TIME"):
            slot.extend(spans)
        if expected["type"] == "DATE" and CALENDAR.match(expected["value"]):
            targets.append(Target(case, spans, row["surface"], values={expected["value"]}))
    return [Suite("MEANTIME DATE (calendar)", "date", list(cases.values()), targets, on_target)]


def load_recognizers_datetime(path: Path) -> list[Suite]:
    cases: list[Case] = []
    dates: list[Target] = []
    ranges: list[Target] = []
    on_target: dict[int, list[tuple[int, int]]] = {}
    for row in rows(path):
        case = Case(row["text"], (row.get("ref_time") or "")[:10] or None)
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
                if wanted:
                    dates.append(Target(case, [span], e["span"], values=wanted))
            elif e["type"] == "datetimeV2.daterange":
                if CALENDAR.match(timex):
                    wanted = {timex}
                elif re.fullmatch(r"XXXX-\d\d", timex):
                    wanted = {v["start"][:7] for v in values if v.get("start")}
                else:
                    continue
                if wanted:
                    ranges.append(Target(case, [span], e["span"], values=wanted))
        on_target[id(case)] = spans_all
    return [
        Suite("Recognizers date", "date", cases, dates, on_target),
        Suite("Recognizers daterange (month/year)", "date", cases, ranges, {}, show_precision=False),
    ]


DUCKLING_TIME = re.compile(r"(datetime|datetimeHoliday) \((-?\d+), (\d+), (\d+), \d+, \d+, \d+\) (\w+)")


def load_duckling_time(path: Path) -> list[Suite]:
    """Duckling's `datetime` values at day, month or year grain; its holidays (`datetimeHoliday`
    at day grain, many of them on lunar calendars) are a suite of their own."""
    suites = {"datetime": ([], [], {}), "datetimeHoliday": ([], [], {})}
    for row in rows(path):
        m = DUCKLING_TIME.match(row.get("expected") or "")
        if not m or m.group(5) not in ("Day", "Month", "Year"):
            continue
        kind = m.group(1)
        y, mo, d, grain = int(m.group(2)), int(m.group(3)), int(m.group(4)), m.group(5)
        value = {"Day": f"{y:04}-{mo:02}-{d:02}", "Month": f"{y:04}-{mo:02}", "Year": f"{y:04}"}[grain]
        cases, targets, on_target = suites[kind]
        case = Case(row["text"], (row.get("ref_time") or "")[:10] or None)
        cases.append(case)
        targets.append(Target(case, None, row["text"], values={value}))
        on_target[id(case)] = None
    return [
        Suite("Duckling time (day/month/year)", "date", *suites["datetime"]),
        Suite("Duckling holidays (day)", "date", *suites["datetimeHoliday"], holidays=True),
    ]


def duckling_unit(name: str) -> set[str]:
    # Duckling's `M` is the ambiguous "m": metre or mile ("1m and 1ft" is 5281 feet).
    if name == "M":
        return {"metre", "mile"}
    return {units.normalise(name)}


def load_duckling_distance(path: Path) -> list[Suite]:
    cases: list[Case] = []
    targets: list[Target] = []
    on_target: dict[int, None] = {}
    for row in rows(path):
        kind, unit, rest = (row["expected"].split(" ", 2) + ["", ""])[:3]
        case = Case(row["text"], None)
        cases.append(case)
        target = Target(case, None, row["text"], unit=duckling_unit(unit))
        if kind == "between":
            lo, hi = (float(x) for x in rest.strip("()").split(","))
            target.value, target.value_max = lo, hi
        else:
            target.value = float(rest)
            target.direction = {"under": "lt", "above": "gt"}.get(kind)
        targets.append(target)
        on_target[id(case)] = None
    return [Suite("Duckling distance", "quantity", cases, targets, on_target, counts="length")]


def load_recognizers_dimension(path: Path) -> list[Suite]:
    cases: list[Case] = []
    every: list[Target] = []
    lengths: list[Target] = []
    on_target: dict[int, list[tuple[int, int]]] = {}
    on_length: dict[int, list[tuple[int, int]]] = {}
    for row in rows(path):
        case = Case(row["text"], None)
        cases.append(case)
        spans_all, spans_length = [], []
        for e in row.get("expected") or []:
            span = (e["start"], e["end"] + 1)
            res = e.get("resolution") or {}
            try:
                value = float(res.get("value"))
            except (TypeError, ValueError):
                continue
            target = Target(case, [span], e["span"], value=value, unit={units.normalise(res.get("unit"))})
            spans_all.append(span)
            every.append(target)
            if res.get("subtype") == "Length":
                spans_length.append(span)
                lengths.append(target)
        on_target[id(case)] = spans_all
        on_length[id(case)] = spans_length
    return [
        Suite("Recognizers dimension (all)", "quantity", cases, every, on_target, counts="measure"),
        Suite("Recognizers dimension (length)", "quantity", cases, lengths, on_length, counts="length"),
    ]


def load_quantulum(path: Path) -> list[Suite]:
    cases: list[Case] = []
    every: list[Target] = []
    lengths: list[Target] = []
    on_target: dict[int, list[tuple[int, int]]] = {}
    on_length: dict[int, list[tuple[int, int]]] = {}
    for row in rows(path):
        case = Case(row["text"], None)
        cases.append(case)
        spans_all, spans_length = [], []
        cursor = 0
        for e in row.get("expected") or []:
            surface = e["surface"]
            at = row["text"].find(surface, cursor)
            if at < 0:
                at = row["text"].find(surface)
            if at < 0:
                continue
            cursor = at + len(surface)
            span = (at, at + len(surface))
            unit = units.normalise(e.get("unit"))
            value = float(e["value"])
            target = Target(case, [span], surface, value=value, unit={unit})
            if e.get("uncertainty"):
                # A range is written as its mean and half-width; scored by its two ends.
                target.value, target.value_max = value - e["uncertainty"], value + e["uncertainty"]
            spans_all.append(span)
            every.append(target)
            if units.is_length(unit):
                spans_length.append(span)
                lengths.append(target)
        on_target[id(case)] = spans_all
        on_length[id(case)] = spans_length
    return [
        Suite("quantulum3 (all)", "quantity", cases, every, on_target, counts="all"),
        Suite("quantulum3 (length)", "quantity", cases, lengths, on_length, counts="length"),
    ]


LOADERS = {
    "meantime": ("meantime_en_timex.jsonl", load_meantime),
    "recognizers": ("recognizers_DateTimeModel.jsonl", load_recognizers_datetime),
    "duckling": ("duckling_time.jsonl", load_duckling_time),
    "dimension": ("recognizers_DimensionModel.jsonl", load_recognizers_dimension),
    "distance": ("duckling_distance.jsonl", load_duckling_distance),
    "quantulum": ("quantulum3_en.jsonl", load_quantulum),
}
