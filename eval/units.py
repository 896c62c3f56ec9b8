"""Unit names of every system in one spelling, and magnitudes compared across units.

The names and sizes come from claimcheck's own unit table
(`crates/claimcheck-extract/src/units.tsv`), so "7 feet 10 inches" (94 inches) equals
"2.38760 metres". The peers' and the suites' spellings ("Kilometer", "Metre", "pound-mass",
"percentage") are mapped to that table's names first; a unit the table lacks is compared by name.
"""

from __future__ import annotations

import math
import re
from pathlib import Path

TABLE = Path(__file__).resolve().parent.parent / "crates" / "claimcheck-extract" / "src" / "units.tsv"

# Spellings of the peers and suites that are not the table's name with a US/UK respelling.
ALIASES = {
    "m": "metre",
    "pound-mass": "pound",
    "pound mass": "pound",
    "percentage": "percent",
    "dollar": "US dollar",
    "united states dollar": "US dollar",
    "metric ton": "tonne",
    "ton": "tonne",
    "degree celsius": "degree Celsius",
    "degree fahrenheit": "degree Fahrenheit",
    "cubic centimetre": "millilitre",
    "dimensionless": "",
    "km": "kilometre",
    "mi": "mile",
    "ft": "foot",
    "feet": "foot",
    "inches": "inch",
    "in": "inch",
}


def _load() -> dict[str, tuple[str, float]]:
    units: dict[str, tuple[str, float]] = {}
    if not TABLE.exists():
        return units
    for line in TABLE.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) < 3:
            continue
        try:
            units[cols[0]] = (cols[1], float(cols[2]))
        except ValueError:
            continue
    return units


UNITS = _load()
BY_LOWER = {name.lower(): name for name in UNITS}


def normalise(name: str | None) -> str:
    """A unit name in claimcheck's spelling ("Kilometer" -> "kilometre"); "" for a count."""
    if not name:
        return ""
    s = re.sub(r"\s+", " ", name.strip())
    lower = s.lower().replace("meter", "metre").replace("liter", "litre")
    if lower in ALIASES:
        return ALIASES[lower]
    if lower in BY_LOWER:
        return BY_LOWER[lower]
    if lower.endswith("s") and lower[:-1] in BY_LOWER:
        return BY_LOWER[lower[:-1]]
    return lower


def dimension(unit: str) -> str | None:
    entry = UNITS.get(unit)
    return entry[0] if entry else None


def is_length(unit: str) -> bool:
    return dimension(unit) == "length"


def length_by_factor(metres: float) -> str | None:
    """The length unit one of which is `metres` long (a distance claim reports km only)."""
    for name, (dim, factor) in UNITS.items():
        if dim == "length" and math.isclose(factor, metres, rel_tol=1e-9):
            return name
    return None


def close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def same(value: float | None, unit: str, want_value: float, want_unit: str) -> bool:
    """Whether `value unit` is the quantity `want_value want_unit` (units already normalised)."""
    if value is None:
        return False
    mine, theirs = UNITS.get(unit), UNITS.get(want_unit)
    if mine and theirs:
        return mine[0] == theirs[0] and close(value * mine[1], want_value * theirs[1])
    return unit == want_unit and close(value, want_value)
