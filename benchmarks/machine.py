"""What every benchmark prints about the machine it ran on, and small timing helpers.

The benchmarks run as scripts (`python benchmarks/bench_core.py`), so this folder is on sys.path
and they import it as `from machine import ...`.
"""

from __future__ import annotations

import os
import platform
from collections.abc import Iterable
from datetime import datetime, timezone
from importlib import metadata
from pathlib import Path

import numpy as np


def heading(title: str) -> None:
    print(f"\n== {title} " + "=" * max(0, 70 - len(title)), flush=True)


def version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "not installed"


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def load_average() -> str:
    return ", ".join(f"{x:.2f}" for x in os.getloadavg())


def print_machine(packages: Iterable[str]) -> None:
    """Date, cores, CPU, load and Python, then the installed version of each package named."""
    heading("machine")
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print(f"date     {datetime.now(timezone.utc).isoformat(timespec='seconds')}")
    print(f"cores    {os.cpu_count()} ({usable} usable)   load average {load_average()}")
    print(f"cpu      {cpu_model()}")
    print(f"python   {platform.python_version()} on {platform.platform()}")
    print("packages " + "   ".join(f"{package} {version(package)}" for package in packages))


def percentile(values, q: float) -> float:
    return float(np.percentile(np.asarray(values), q))
