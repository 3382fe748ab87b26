"""Run every benchmark script in turn (`make bench`), or their smoke subsets (`make bench-smoke`)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from harness import EVAL_DATA, options

SCRIPTS = ["contract", "speed", "summaries", "citations", "claims", "alignment", "conflicts", "neus", "extraction", "dedup", "stories", "strays", "web_render",
           "security", "resources", "faults", "audit", "reliability"]


# Scripts that read ../shared/eval-data (or STORYLENS_EVAL_DATA); without it they are skipped, as the tests that
# read it are, with one line saying why, not a traceback each.
NEEDS_EVAL_DATA = frozenset({"summaries", "citations", "claims", "alignment", "conflicts", "neus", "extraction", "dedup", "stories",
                             "strays", "resources", "faults"})


def main() -> int:
    smoke = options(__doc__).smoke
    failed = []
    missing = not EVAL_DATA.is_dir()
    if missing:
        print(f"eval data not found at {EVAL_DATA} (set STORYLENS_EVAL_DATA): skipping "
              f"{', '.join(n for n in SCRIPTS if n in NEEDS_EVAL_DATA)}", flush=True)
    for name in SCRIPTS:
        script = HERE / f"{name}.py"
        if not script.exists() or (missing and name in NEEDS_EVAL_DATA):
            continue
        cmd = [sys.executable, str(script)] + (["--smoke"] if smoke else [])
        print(f"== {' '.join(cmd[1:])}", flush=True)
        if subprocess.call(cmd) != 0:
            failed.append(name)
    if failed:
        print(f"benchmarks failed: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
