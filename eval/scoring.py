"""Scores every system's predictions on a suite with the same code, and prints the tables.

A target is found when a prediction overlaps its span (or, for a whole-text phrase, when there is
any prediction); it is right when an overlapping prediction has the expected value: the ISO date
at the expected precision, or the quantity in the expected unit (compared by magnitude, so 94
inches is right for "7 feet 10 inches" written as 2.3876 metres), with both ends of a range and
the direction of "under"/"above". Precision counts the predictions that stand on some expected
expression of the suite among all the predictions the suite is about.
"""

from __future__ import annotations

import collections
import re
from dataclasses import dataclass, field
from pathlib import Path

import units
from suites import Suite, Target

MONTHS = (
    r"\b(january|february|march|april|may|june|july|august|september|october|november|december"
    r"|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\b\.?"
)
WEEKDAYS = r"\b(mon|tues?|wed|thu(rs)?|fri|sat|sun)(day)?\b\.?"
HOLIDAYS = (
    r"\b(christmas|xmas|easter|thanksgiving|halloween|new year'?s?( day| eve)?|valentine'?s?( day)?"
    r"|independence day|memorial day|labou?r day|mother'?s day|father'?s day|boxing day"
    r"|st\.? patrick'?s day|black friday|cyber monday|mlk day|martin luther king'?s? day)\b"
)
NUMBER_WORDS = (
    r"\b(zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty"
    r"|ninety|hundred|thousand|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth"
    r"|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth"
    r"|nineteenth|twentieth|thirtieth)\b"
)


HOLIDAY_TABLE = Path(__file__).resolve().parent.parent / "crates" / "claimcheck-extract" / "src" / "date" / "holidays.tsv"


def _known_holidays() -> re.Pattern:
    """The holiday spellings claimcheck's table knows, as one pattern."""
    names = []
    if HOLIDAY_TABLE.exists():
        for line in HOLIDAY_TABLE.read_text(encoding="utf-8").splitlines():
            cols = line.split("\t")
            if line.startswith("#") or len(cols) < 3:
                continue
            for spelling in cols[1].split("|"):
                names.append(re.escape(spelling).replace("'s", "(?:'?s)?").replace("\\ ", r"\s+"))
    names.sort(key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(names or ["(?!)"]) + r")\b", re.I)


KNOWN_HOLIDAYS = _known_holidays()


def holiday_kind(surface: str) -> str:
    known = "in claimcheck's table" if KNOWN_HOLIDAYS.search(surface) else "not in claimcheck's table"
    shifted = re.search(r"\b(\d{4}|next|last|this|of|in|ago|from now|after|before|year|two|thousand)\b",
                        surface, re.I)
    return f"holiday {known}{', with a year or shift' if shifted else ''}"


@dataclass
class Score:
    suite: str
    system: str
    targets: int = 0
    found: int = 0
    right: int = 0
    predictions: int = 0
    on_target: int = 0
    crashed: int = 0
    misses: collections.Counter = field(default_factory=collections.Counter)
    examples: dict = field(default_factory=dict)
    stray: list = field(default_factory=list)
    all_misses: list = field(default_factory=list)
    unavailable: str | None = None


def date_kind(surface: str) -> str:
    """The kind of date expression a surface is, coarse enough that misses of one kind pile up."""
    s = surface.lower()
    digits = bool(re.search(r"\d", s))
    month = bool(re.search(MONTHS, s))
    if re.search(HOLIDAYS, s):
        return "holiday (christmas, easter)"
    if re.search(r"\b(ago|from now|from today|later|hence|after next|before last)\b|\bin \S+ (day|week|month|year)s?\b", s):
        return "offset (two days ago, in 2 weeks)"
    if re.search(NUMBER_WORDS, s) and not re.search(r"\b(first|second|third|fourth|last)\s+(mon|tue|wed|thu|fri|sat|sun)", s):
        return "numbers in words (the first of march)"
    if re.search(WEEKDAYS, s):
        if month or digits:
            return "weekday with a date (friday, march 1)"
        if re.search(r"\b(next|last|this|coming|previous|past|following)\b", s):
            return "shifted weekday (next friday)"
        return "bare weekday (friday)"
    if re.search(r"\b(today|tomorrow|tmrw|yesterday|tonight)\b", s):
        return "today/tomorrow/yesterday"
    if re.search(r"\b(week|month|year|day|weekend|quarter)\b", s) and not month:
        return "period word (next month, the year)"
    if month and digits:
        has_year = bool(re.search(r"\b\d{4}\b|'\d\d\b", s))
        has_day = bool(re.search(r"(?<!\d)\d{1,2}(?!\d)", s))
        if has_year and has_day:
            return "month name, day and year"
        return "month name and year" if has_year else "month name and day"
    if month:
        return "month name alone (may, in march)"
    if re.fullmatch(r"[^a-z]*\d[^a-z]*", s) and re.search(r"\d\s*[/.-]\s*\d", s):
        return "numeric date (2/15, 2015-03)"
    if re.fullmatch(r"(the\s+)?\d{1,2}(st|nd|rd|th)?", s.strip()):
        return "day of the month alone (the 15th)"
    if re.fullmatch(r"\D*\d{4}\D*", s):
        return "year"
    return "other"


def quantity_form(t: Target) -> str:
    numbers = re.findall(r"\d+(?:[.,]\d+)*", t.surface)
    if t.value_max is not None:
        return "range"
    if t.direction:
        return "under/above"
    if len(numbers) >= 2:
        return "compound"
    if not numbers:
        return "number in words"
    return "number"


def within(p: dict, target: Target) -> bool:
    return target.spans is None or any(p["start"] < e and s < p["end"] for s, e in target.spans)


def counted(suite: Suite, p: dict) -> bool:
    """Whether a prediction is of the kind the suite is about (the same rule for every system)."""
    if suite.kind == "date":
        return "date" in p
    if "date" in p:
        return False
    if suite.counts == "all":
        return True
    dim = units.dimension(p.get("unit") or "")
    if suite.counts == "length":
        return dim == "length"
    return bool(p.get("unit")) and dim not in ("currency", "ratio")


def quantity_right(p: dict, t: Target) -> bool:
    unit = p.get("unit") or ""
    for want in t.unit:
        if t.value_max is not None:
            if p.get("value_max") is not None and units.same(p["value"], unit, t.value, want) and \
                    units.same(p["value_max"], unit, t.value_max, want):
                return True
            continue
        if not units.same(p.get("value"), unit, t.value, want):
            # The expected expression may be one end of a range the system read whole: "eight to
            # 10 feet" where the suite expects "10 feet". Either end counts then.
            inside = t.spans is not None and any(
                p["start"] <= s and e <= p["end"] and (e - s) < (p["end"] - p["start"])
                for s, e in t.spans)
            if not (inside and p.get("value_max") is not None
                    and units.same(p["value_max"], unit, t.value, want)):
                continue
        cmp = p.get("comparator")
        if t.direction == "lt" and cmp not in ("lt", "le"):
            continue
        if t.direction == "gt" and cmp not in ("gt", "ge"):
            continue
        return True
    return False


def quantity_miss(near: list[dict], t: Target) -> str:
    form = quantity_form(t)
    unit = "/".join(sorted(t.unit)) or "count"
    if not near:
        return f"not found: {unit} ({form})"
    same_unit = [p for p in near if (p.get("unit") or "") in t.unit or any(
        units.dimension(p.get("unit") or "") == units.dimension(u) is not None for u in t.unit)]
    if not same_unit:
        got = near[0].get("unit") or "count"
        return f"wrong unit: {unit} read as {got}"
    if t.value_max is not None and all(p.get("value_max") is None for p in same_unit):
        return f"range read as one number: {unit}"
    if t.direction and all(units.same(p.get("value"), p.get("unit") or "", t.value, u)
                           for p in same_unit for u in t.unit):
        return f"comparator missed: {unit} ({form})"
    return f"wrong value: {unit} ({form})"


def describe(case, p: dict) -> str:
    text = case.text[p["start"]:p["end"]]
    if "date" in p:
        return f"{text}={p['date']}"
    rng = f"-{p['value_max']:g}" if p.get("value_max") is not None else ""
    value = f"{p['value']:g}" if p.get("value") is not None else "?"
    cmp = f"{p['comparator']} " if p.get("comparator") else ""
    return f"{text}={cmp}{value}{rng} {p.get('unit') or ''}".rstrip()


def score(suite: Suite, system: str) -> Score:
    result = Score(suite.name, system)
    for t in suite.targets:
        result.targets += 1
        preds = [p for p in t.case.predictions.get(system, []) if counted(suite, p)]
        near = [p for p in preds if within(p, t)]
        if near:
            result.found += 1
        if suite.kind == "date":
            right = any(p.get("date") in t.values for p in near)
        else:
            right = any(quantity_right(p, t) for p in near)
        if right:
            result.right += 1
            continue
        if suite.kind == "date":
            kind = holiday_kind(t.surface) if suite.holidays else date_kind(t.surface)
            bucket = f"{'not found' if not near else 'wrong value'}: {kind}"
            want = sorted(t.values)
        else:
            bucket = quantity_miss(near, t)
            rng = f"-{t.value_max:g}" if t.value_max is not None else ""
            want = f"{t.direction + ' ' if t.direction else ''}{t.value:g}{rng} {'/'.join(sorted(t.unit))}"
        if t.case.errors.get(system):
            bucket = f"crashed: {t.case.errors[system][:60]}"
        result.misses[bucket] += 1
        got = ", ".join(describe(t.case, p) for p in near)
        example = f"{t.surface!r} want {want} got [{got}] (ref {t.case.ref})"
        result.examples.setdefault(bucket, example)
        result.all_misses.append(f"{bucket} | {example} | in {t.case.text[:140]!r}")
    for case in suite.cases:
        if case.errors.get(system):
            result.crashed += 1
        if id(case) not in suite.on_target:
            continue
        spans = suite.on_target[id(case)]
        for p in case.predictions.get(system, []):
            if not counted(suite, p):
                continue
            result.predictions += 1
            if spans is None or any(p["start"] < e and s < p["end"] for s, e in spans):
                result.on_target += 1
            else:
                result.stray.append(f"{describe(case, p)} in {case.text[:100]!r}")
    return result


def percent(n: int, d: int) -> str:
    return f"{100 * n / d:.1f}%" if d else "-"


COLUMNS = ["system", "cases", "found", "right", "precision", "recall", "accuracy", "crashed"]


def rows(scores: list[Score], show_precision: bool) -> list[list[str]]:
    out = []
    for s in scores:
        if s.unavailable:
            out.append([s.system, str(s.targets), "-", "-", "-", "-", "-", f"COULD NOT RUN: {s.unavailable}"])
            continue
        out.append([
            s.system, str(s.targets), str(s.found), str(s.right),
            percent(s.on_target, s.predictions) if show_precision else "-",
            percent(s.found, s.targets), percent(s.right, s.targets), str(s.crashed),
        ])
    return out


def render(suite: Suite, scores: list[Score], top: int, examples: bool, peer_misses: bool,
           stray: bool, markdown: bool, every_miss: bool = False) -> str:
    lines = []
    table = rows(scores, suite.show_precision)
    if markdown:
        lines.append(f"#### {suite.name}\n")
        lines.append("| " + " | ".join(COLUMNS) + " |")
        lines.append("|" + "|".join(["---"] + ["---:"] * (len(COLUMNS) - 1)) + "|")
        for r in table:
            lines.append("| " + " | ".join(r) + " |")
        lines.append("")
    else:
        widths = [max(len(c), *(len(r[i]) for r in table)) for i, c in enumerate(COLUMNS)]
        lines.append(f"== {suite.name}")
        lines.append("  ".join(c.ljust(widths[0]) if i == 0 else c.rjust(widths[i])
                               for i, c in enumerate(COLUMNS)))
        for r in table:
            lines.append("  ".join(v.ljust(widths[0]) if i == 0 else v.rjust(widths[i])
                                   for i, v in enumerate(r)))
    for s in scores:
        if s.unavailable or not s.misses:
            continue
        if s.system != "claimcheck" and not peer_misses:
            continue
        title = f"{s.system}: the {top} most common misses"
        lines.append(f"\n{title}:\n" if markdown else f"\n  {title}")
        if markdown:
            lines.append("```")
        for bucket, n in s.misses.most_common(top):
            lines.append(f"  {n:4}  {bucket}")
            if examples:
                lines.append(f"        e.g. {s.examples[bucket]}")
        if markdown:
            lines.append("```")
        if every_miss:
            lines.append(f"  {s.system}: every miss")
            lines.extend(f"    {x}" for x in sorted(s.all_misses))
        if stray and s.stray:
            lines.append(f"  {s.system}: predictions on no expected expression")
            lines.extend(f"    {x}" for x in s.stray)
    lines.append("")
    return "\n".join(lines)
