"""Fail when a benchmark figure falls below its floor (or above its ceiling).

Usage: python bench/check.py [--run-fast]
With --run-fast, the benchmarks whose baseline says "fast": true are run first (with --quick).
A floor is never lowered here: floors change only by editing bench/baselines/ in a commit.
A benchmark whose data is missing is reported as skipped, not failed.
Bounds under "speed" in a baseline (rates, CPU time, latency) are checked and reported, but a
breach only warns: CI runs on machines of unknown speed and load, so a timing is a figure to
read, never a pass/fail gate. Quality floors and memory ceilings fail.
"""

from __future__ import annotations

import json
import subprocess
import sys

from _common import BASELINES, RESULTS, ROOT


def main(argv: list[str]) -> int:
    run_fast = "--run-fast" in argv
    failures: list[str] = []
    for baseline_path in sorted(BASELINES.glob("*.json")):
        name = baseline_path.stem
        baseline = json.loads(baseline_path.read_text())
        if run_fast and baseline.get("fast"):
            script = ROOT / "bench" / f"bench_{name}.py"
            subprocess.run([sys.executable, str(script), "--quick"], check=False)
        result_path = RESULTS / f"{name}.json"
        if not result_path.exists():
            print(f"{name}: no results yet (run `make bench`)")
            continue
        result = json.loads(result_path.read_text())
        if result.get("status") == "skipped":
            print(f"{name}: skipped ({result.get('reason')})")
            continue
        figures = result.get("figures", {})
        failures += _breaches(name, figures, baseline.get("floors", {}))
        for warning in _breaches(name, figures, baseline.get("speed", {})):
            print(f"WARN (speed, not a failure) {warning}")
    for failure in failures:
        print(f"FAIL {failure}")
    return 1 if failures else 0


def _breaches(
    name: str, figures: dict[str, float], bounds: dict[str, dict[str, float]]
) -> list[str]:
    """Each bound the figures break, as a line; the bounds they keep are printed as ok."""
    breaches: list[str] = []
    for metric, bound in bounds.items():
        value = figures.get(metric)
        if value is None:
            breaches.append(f"{name}.{metric}: missing from results")
        elif "min" in bound and value < bound["min"]:
            breaches.append(f"{name}.{metric} = {value:.4f} is below its floor {bound['min']}")
        elif "max" in bound and value > bound["max"]:
            breaches.append(f"{name}.{metric} = {value:.4f} is above its ceiling {bound['max']}")
        else:
            print(f"{name}.{metric} = {value:.4f} ok ({bound})")
    return breaches


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
