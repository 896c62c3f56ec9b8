#!/usr/bin/env python3
"""Runs one peer extractor over a batch of cases, inside the private environment eval/.venv.

The harness (standard library only) cannot import the peers, so it starts this script with the
environment's interpreter, writes a request to its stdin and reads predictions from its stdout:

    request:  {"system": "dateparser", "kind": "date", "cases": [{"text": ..., "ref": "YYYY-MM-DD"}]}
    response: {"predictions": [[{"start": 0, "end": 5, "date": "2019-01-04"}, ...], ...],
               "errors": [null, "ValueError: ...", ...]}

Offsets are character offsets with an exclusive end. A date prediction's `date` is ISO at the
precision the peer reports (YYYY, YYYY-MM or YYYY-MM-DD); a quantity prediction has `value`,
`value_max`, `unit` (the peer's unit name, mapped by the harness) and `comparator`. A case the
peer crashes on gets no predictions and its error, so the harness counts it as a miss.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import sys
import traceback
import warnings

CALENDAR = re.compile(r"^\d{4}(-\d\d(-\d\d)?)?$")


def iso(d: dt.date | dt.datetime, period: str | None) -> str:
    if period == "year":
        return f"{d.year:04}"
    if period == "month":
        return f"{d.year:04}-{d.month:02}"
    return f"{d.year:04}-{d.month:02}-{d.day:02}"


def locate(text: str, surface: str, start: int) -> tuple[int, int] | None:
    """Where a surface a peer returned without offsets stands, searching on from `start`."""
    at = text.find(surface, start)
    if at < 0:
        at = text.find(surface)
    if at < 0:
        at = text.lower().find(surface.lower())
    return (at, at + len(surface)) if at >= 0 else None


class DateParser:
    """dateparser's search_dates, with each found phrase's period (day, month, year) read back by
    DateDataParser so that "January 2019" is a month, not the first of January."""

    def __init__(self) -> None:
        from dateparser.date import DateDataParser
        from dateparser.search import search_dates

        self.search_dates = search_dates
        self.DateDataParser = DateDataParser

    def run(self, text: str, ref: str | None) -> list[dict]:
        base = dt.datetime.fromisoformat(ref) if ref else dt.datetime(2000, 1, 1)
        settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": PREFER}
        found = self.search_dates(text, languages=["en"], settings=settings) or []
        period_parser = self.DateDataParser(languages=["en"], settings=settings)
        out, cursor = [], 0
        for surface, when in found:
            span = locate(text, surface, cursor)
            if span is None:
                continue
            cursor = span[1]
            period = period_parser.get_date_data(surface).period
            out.append({"start": span[0], "end": span[1], "date": iso(when, period)})
        return out


class RecognizersDate:
    """Microsoft Recognizers-Text DateTimeModel (Python port). A date without a year comes with
    a past and a future resolution; the one nearer the reference date is taken, as claimcheck
    does. Ranges that are a year or a month become that year or month; a datetime its day."""

    def __init__(self) -> None:
        from recognizers_date_time import DateTimeRecognizer
        from recognizers_text import Culture

        self.model = DateTimeRecognizer(Culture.English).get_datetime_model(Culture.English)

    def run(self, text: str, ref: str | None) -> list[dict]:
        base = dt.datetime.fromisoformat(ref) if ref else dt.datetime(2000, 1, 1)
        out = []
        for r in self.model.parse(text, base):
            kind = r.type_name.replace("datetimeV2.", "")
            if kind not in ("date", "daterange", "datetime", "datetimerange"):
                continue
            values = (r.resolution or {}).get("values") or []
            out.append({"start": r.start, "end": r.end + 1, "date": self.value(kind, values, base)})
        return out

    @staticmethod
    def value(kind: str, values: list[dict], base: dt.datetime) -> str | None:
        candidates = []
        for v in values:
            timex = v.get("timex") or ""
            if kind == "date":
                candidates.append(v.get("value") or "")
            elif kind == "datetime":
                candidates.append((v.get("value") or "")[:10])
            elif kind == "daterange" and CALENDAR.match(timex):
                candidates.append(timex)
            elif kind == "daterange" and re.fullmatch(r"XXXX-\d\d", timex) and v.get("start"):
                candidates.append(v["start"][:7])
        candidates = [c for c in candidates if CALENDAR.match(c)]
        if not candidates:
            return None

        def distance(c: str) -> int:
            y, m, d = (c.split("-") + ["01", "01"])[:3]
            return abs((dt.datetime(int(y), int(m), int(d)) - base).days)

        return min(candidates, key=distance)


class RecognizersDimension:
    """Microsoft Recognizers-Text NumberWithUnit DimensionModel (Python port)."""

    def __init__(self) -> None:
        from recognizers_number_with_unit import NumberWithUnitRecognizer
        from recognizers_text import Culture

        self.model = NumberWithUnitRecognizer(Culture.English).get_dimension_model(Culture.English)

    def run(self, text: str, ref: str | None) -> list[dict]:
        out = []
        for r in self.model.parse(text):
            res = r.resolution or {}
            try:
                value = float(res.get("value"))
            except (TypeError, ValueError):
                value = None
            out.append({
                "start": r.start, "end": r.end + 1, "value": value, "value_max": None,
                "unit": res.get("unit") or "", "comparator": None,
            })
        return out


class Quantulum:
    """quantulum3's parser. A range ("1-2 kg") is reported as its mean with an uncertainty; it is
    turned back into its two ends."""

    def __init__(self) -> None:
        from quantulum3 import parser

        self.parse = parser.parse

    def run(self, text: str, ref: str | None) -> list[dict]:
        out = []
        for q in self.parse(text):
            value, value_max = float(q.value), None
            if q.uncertainty:
                value, value_max = value - q.uncertainty, value + q.uncertainty
            unit = q.unit.name if q.unit else ""
            out.append({
                "start": q.span[0], "end": q.span[1], "value": value, "value_max": value_max,
                "unit": "" if unit == "dimensionless" else unit, "comparator": None,
            })
        return out


class GeographicLib:
    """Karney's geodesic in GeographicLib's own Python package, on the WGS84 ellipsoid."""

    def __init__(self) -> None:
        from geographiclib.geodesic import Geodesic

        self.wgs84 = Geodesic.WGS84

    def run(self, text: str, ref: str | None, point: dict) -> list[dict]:
        g = self.wgs84.Inverse(point["lat1"], point["lon1"], point["lat2"], point["lon2"])
        return [{"s12_m": g["s12"]}]


SYSTEMS = {
    "geographiclib": GeographicLib,
    "dateparser": DateParser,
    "recognizers-date": RecognizersDate,
    "recognizers-dimension": RecognizersDimension,
    "quantulum3": Quantulum,
}
PREFER = "current_period"


def main() -> int:
    global PREFER
    request = json.load(sys.stdin)
    PREFER = request.get("prefer", PREFER)
    warnings.simplefilter("ignore")
    # Peers print chatter; only the response may reach stdout.
    real_stdout, sys.stdout = sys.stdout, io.StringIO()
    system = SYSTEMS[request["system"]]()
    predictions, errors = [], []
    for case in request["cases"]:
        try:
            if "input" in case:
                predictions.append(system.run(case["text"], case.get("ref"), case["input"]))
            else:
                predictions.append(system.run(case["text"], case.get("ref")))
            errors.append(None)
        except Exception as e:  # noqa: BLE001 - a crash on one case is a miss, not the end.
            predictions.append([])
            errors.append(f"{type(e).__name__}: {e}".splitlines()[0][:200])
            traceback.clear_frames(e.__traceback__)
    sys.stdout = real_stdout
    json.dump({"predictions": predictions, "errors": errors}, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
