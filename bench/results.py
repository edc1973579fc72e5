"""Where the benchmark scripts leave their figures (bench/results/NAME.json) for
bench/report.py, which writes docs/benchmarks.md, and the machine they ran on."""

import json
import os
import platform
import subprocess
from pathlib import Path

FOLDER = Path(__file__).resolve().parent / "results"


def save(name: str, figures) -> None:
    FOLDER.mkdir(exist_ok=True)
    (FOLDER / f"{name}.json").write_text(json.dumps(figures, indent=1, default=str))


def load(name: str):
    path = FOLDER / f"{name}.json"
    return json.loads(path.read_text()) if path.exists() else None


def machine() -> str:
    cpu = next(
        (line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
         if line.startswith("model name")), platform.processor(),
    )  # fmt: skip
    memory = int(Path("/proc/meminfo").read_text().split()[1]) // 1024 // 1024
    pg = subprocess.run(["psql", "--version"], capture_output=True, text=True).stdout.strip()
    return f"{os.cpu_count()} cores ({cpu}), {memory} GiB, {pg}, Python {platform.python_version()}"
