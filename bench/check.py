"""Fail when a benchmark figure falls below its floor (or above its ceiling).

Usage: python bench/check.py [--run-fast]
With --run-fast, the benchmarks whose baseline says "fast": true are run first (with --quick).
A floor is never lowered here: floors change only by editing bench/baselines/ in a commit.
A benchmark whose data is missing is reported as skipped, not failed.
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
        for metric, bound in baseline.get("floors", {}).items():
            value = figures.get(metric)
            if value is None:
                failures.append(f"{name}.{metric}: missing from results")
            elif "min" in bound and value < bound["min"]:
                failures.append(f"{name}.{metric} = {value:.4f} is below its floor {bound['min']}")
            elif "max" in bound and value > bound["max"]:
                failures.append(
                    f"{name}.{metric} = {value:.4f} is above its ceiling {bound['max']}"
                )
            else:
                print(f"{name}.{metric} = {value:.4f} ok ({bound})")
    for failure in failures:
        print(f"FAIL {failure}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
