"""Run every benchmark script in turn (`make bench`), or their smoke subsets (`make bench-smoke`)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from harness import options

SCRIPTS = ["contract", "speed", "summaries", "citations", "claims", "conflicts", "neus", "extraction", "dedup", "stories", "strays", "web_render",
           "security", "resources", "faults", "audit", "reliability"]


def main() -> int:
    smoke = options(__doc__).smoke
    failed = []
    for name in SCRIPTS:
        script = HERE / f"{name}.py"
        if not script.exists():
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
