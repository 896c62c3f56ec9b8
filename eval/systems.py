"""The systems measured: claimcheck (the real binary) and the peers (in a private environment).

Every system fills `case.predictions[system]` with the same shape, so one scorer serves all:
dates `{start, end, date}`, quantities `{start, end, value, value_max, unit, comparator}`, with
character offsets (exclusive end) and units in claimcheck's spelling (see units.py).
"""

from __future__ import annotations

import collections
import json
import os
import subprocess
import sys
import tempfile
import venv
from pathlib import Path

import units
from suites import Case

EVAL = Path(__file__).resolve().parent
VENV = EVAL / ".venv"
REQUIREMENTS = EVAL / "requirements.txt"
PYTHON = VENV / "bin" / "python"

# The peers, by the kind of suite they run on: display name -> the name peers.py knows.
PEERS = {
    "date": {"dateparser": "dateparser", "Recognizers-Text (Python)": "recognizers-date"},
    "quantity": {"Recognizers-Text (Python)": "recognizers-dimension", "quantulum3": "quantulum3"},
}


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# claimcheck ----------------------------------------------------------------------------------


def claimcheck_prediction(claim: dict, start: int, end: int) -> dict | None:
    details = claim.get("details") or {}
    kind = claim.get("kind")
    if kind == "date":
        return {"start": start, "end": end, "date": details.get("date")}
    if kind == "quantity":
        return {
            "start": start, "end": end, "value": details.get("value"),
            "value_max": details.get("value_max"), "unit": units.normalise(details.get("unit_name")),
            "comparator": details.get("comparator"),
        }
    if kind == "distance":
        # A distance reports the unit as written and the claim in km; the km per unit names it.
        value, km = details.get("value"), details.get("claimed_km")
        unit = units.length_by_factor(km * 1000 / value) if value and km else None
        return {
            "start": start, "end": end, "value": value, "value_max": details.get("value_max"),
            "unit": unit or units.normalise(details.get("unit")), "comparator": details.get("comparator"),
        }
    return None


def run_claimcheck(binary: Path, cases: list[Case], chunk: int) -> None:
    """Runs the binary once per group of up to `chunk` files that share a reference date."""
    groups: dict[str | None, list[Case]] = collections.defaultdict(list)
    for case in cases:
        groups[case.ref].append(case)
    with tempfile.TemporaryDirectory(prefix="claimcheck-eval-") as tmp:
        tmpdir = Path(tmp)
        serial = 0
        for ref, group in sorted(groups.items(), key=lambda kv: kv[0] or ""):
            for first in range(0, len(group), chunk):
                batch = group[first:first + chunk]
                paths = []
                for case in batch:
                    serial += 1
                    path = tmpdir / f"case{serial}.txt"
                    path.write_bytes(case.text.encode("utf-8"))
                    paths.append(path)
                command = [str(binary), "extract", "--format", "json"]
                if ref:
                    command += ["--published", ref]
                command += [str(p) for p in paths]
                proc = subprocess.run(command, capture_output=True, text=True)
                try:
                    report = json.loads(proc.stdout)
                except json.JSONDecodeError:
                    first_line = (proc.stderr.strip().splitlines() or ["no output"])[0]
                    log(f"warning: {binary} failed on {len(batch)} files ({first_line})")
                    for case in batch:
                        case.predictions["claimcheck"] = []
                        case.errors["claimcheck"] = first_line
                    continue
                by_name = {Path(d["path"]).name: d for d in report.get("documents", [])}
                for case, path in zip(batch, paths):
                    doc = by_name.get(path.name, {"claims": []})
                    raw = case.text.encode("utf-8")
                    out = []
                    for claim in doc.get("claims", []):
                        span = claim["span"]
                        start = len(raw[:span["start"]].decode("utf-8", errors="ignore"))
                        end = len(raw[:span["end"]].decode("utf-8", errors="ignore"))
                        p = claimcheck_prediction(claim, start, end)
                        if p:
                            out.append(p)
                    case.predictions["claimcheck"] = out
                    case.errors["claimcheck"] = None


# peers ---------------------------------------------------------------------------------------


def ensure_venv(setup: bool) -> str | None:
    """Creates eval/.venv with the pinned peers when it is missing; the reason when it cannot."""
    if PYTHON.exists() and not setup:
        return None
    if not PYTHON.exists():
        log(f"creating {VENV} (the peers' private environment)")
        try:
            venv.EnvBuilder(with_pip=True, clear=False).create(VENV)
        except Exception as e:  # noqa: BLE001 - reported loudly, the peers are then skipped.
            return f"could not create {VENV}: {e}"
    log(f"installing the peers pinned in {REQUIREMENTS.relative_to(EVAL.parent)}")
    proc = subprocess.run(
        [str(PYTHON), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
         "-r", str(REQUIREMENTS)],
        capture_output=True, text=True,
    )
    if proc.returncode != 0:
        last = (proc.stderr.strip().splitlines() or ["pip failed"])[-1]
        return f"pip install -r {REQUIREMENTS.name} failed: {last}"
    return None


def run_peer(name: str, cases: list[Case], system: str, chunk: int, timeout: float,
             prefer: str) -> str | None:
    """Fills `case.predictions[system]` from peers.py; returns why the peer could not run at all."""
    failures, reasons = 0, []
    batches = [cases[i:i + chunk] for i in range(0, len(cases), chunk)]
    for batch in batches:
        request = {
            "system": name, "prefer": prefer,
            "cases": [{"text": c.text, "ref": c.ref} for c in batch],
        }
        proc = None
        try:
            proc = subprocess.run(
                [str(PYTHON), str(EVAL / "peers.py")], input=json.dumps(request),
                capture_output=True, text=True, timeout=timeout,
                env={**os.environ, "PYTHONWARNINGS": "ignore"},
            )
            response = json.loads(proc.stdout)
        except subprocess.TimeoutExpired:
            response, reason = None, f"timed out after {timeout:.0f} s on a batch of {len(batch)}"
        except (json.JSONDecodeError, OSError) as e:
            stderr = proc.stderr if proc is not None else str(e)
            response = None
            fallback = f"exited with status {proc.returncode} and no answer" if proc else str(e)
            reason = (stderr.strip().splitlines() or [fallback])[-1][:200]
        if response is None:
            failures += 1
            reasons.append(reason)
            for case in batch:
                case.predictions[system] = []
                case.errors[system] = f"peer process failed: {reason}"
            continue
        for case, preds, error in zip(batch, response["predictions"], response["errors"]):
            for p in preds:
                if "unit" in p:
                    p["unit"] = units.normalise(p["unit"])
            case.predictions[system] = preds
            case.errors[system] = error
    if batches and failures == len(batches):
        return reasons[0]
    if failures:
        log(f"warning: {system} failed on {failures} of {len(batches)} batches: {reasons[0]}")
    return None


def geodesics(path: Path) -> tuple[list[float] | None, str | None]:
    """geographiclib (Python) distances of GeodTest, or why they could not be computed."""
    cases = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    request = {"system": "geographiclib", "cases": [{"text": "", "input": c["input"]} for c in cases]}
    try:
        proc = subprocess.run([str(PYTHON), str(EVAL / "peers.py")], input=json.dumps(request),
                              capture_output=True, text=True, timeout=600)
        response = json.loads(proc.stdout)
    except (json.JSONDecodeError, OSError, subprocess.TimeoutExpired) as e:
        return None, f"geographiclib could not run: {e}"
    return [p[0]["s12_m"] if p else float("nan") for p in response["predictions"]], None
