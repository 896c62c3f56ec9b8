"""The release build of the claimcheck binary, for the bench scripts (`compare`, `pgo`)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def build_release(env: dict[str, str] | None = None) -> Path:
    """Builds the binary in release mode (with `env`, the process's own by default) and returns
    its path, wherever the target dir is."""
    out = subprocess.run(
        ["cargo", "build", "--release", "--bin", "claimcheck", "--message-format=json"],
        cwd=ROOT, env=env, check=True, stdout=subprocess.PIPE, text=True,
    ).stdout
    for line in out.splitlines():
        msg = json.loads(line)
        if (msg.get("reason") == "compiler-artifact" and msg.get("executable")
                and msg["target"]["name"] == "claimcheck"):
            return Path(msg["executable"])
    raise SystemExit("bench: cargo did not report the claimcheck executable")
