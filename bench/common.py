"""Helpers the benchmark scripts share: where the yardstick is, timing a child process, printing results."""
import json
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
YARDSTICK = Path(os.environ.get("ANIMEREC_SHARED", ROOT.parent / "shared")) / "yardstick" / "seed_pipeline.py"


def timed(cmd: list[str], env: dict | None = None) -> tuple[dict, float]:
    "The JSON last line `cmd` prints and its peak resident memory in GB."
    done = subprocess.run(["/usr/bin/time", "-v", *cmd], capture_output=True, text=True,
                          env={**os.environ, **(env or {})})
    if done.returncode:
        sys.exit(f"{cmd[1]} failed:\n{done.stderr[-3000:]}")
    rss_kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr).group(1))
    return json.loads(done.stdout.strip().splitlines()[-1]), rss_kb / 1e6


def emit(result: dict, out: str | None):
    "Print `result` as indented JSON and, when `out` is given, write it there too."
    text = json.dumps(result, indent=1)
    print(text)
    if out:
        Path(out).parent.mkdir(parents=True, exist_ok=True)
        Path(out).write_text(text + "\n")
