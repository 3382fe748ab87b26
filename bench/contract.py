"""Robustness: the brief on many eval clusters, each checked against the JSON contract.

Runs `storylens.brief` on Multi-News clusters (full text and the lower-cased, truncated
sample) and on every conflicts-dev cluster; records errors, contract violations
(shared/tools/check_brief_contract.py) and time per cluster.

    python bench/contract.py [--smoke]
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.harness import EVAL_DATA, options, read_jsonl, smoke, write_results

CHECKER = EVAL_DATA.parent / "tools" / "check_brief_contract.py"


def clusters(n_mds: int, n_dev: int | None) -> list[tuple[str, object]]:
    from storylens.models import Article

    out: list[tuple[str, object]] = []
    for name in ("multinews-fulltext-test-99.jsonl", "multinews-test-250.jsonl"):
        for rec in read_jsonl(EVAL_DATA / "mds" / name)[:n_mds]:
            out.append((f"mds:{rec['id']}", [Article(id=d["id"], raw=d["text"]) for d in rec["documents"]]))
    dev = sorted((EVAL_DATA / "conflicts-dev" / "clusters").iterdir())
    out += [(f"conflicts-dev:{p.name}", p) for p in dev[:n_dev]]
    return out


def main() -> None:
    options(__doc__)
    import storylens

    if not (EVAL_DATA / "mds").exists():
        print("skipped: eval data not found")
        return
    todo = clusters(3, 4) if smoke() else clusters(20, None)
    errors, violations, times = [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        for name, inputs in todo:
            t0 = time.perf_counter()
            try:
                brief = storylens.brief(inputs)  # type: ignore[arg-type]
            except Exception as exc:  # noqa: BLE001 - every failure is a finding
                errors.append(f"{name}: {type(exc).__name__}: {exc}")
                continue
            times.append(time.perf_counter() - t0)
            path = Path(tmp) / "brief.json"
            path.write_text(brief.to_json())
            if CHECKER.exists():
                res = subprocess.run([sys.executable, str(CHECKER), str(path)], check=False, capture_output=True, text=True)
                if res.returncode != 0:
                    violations.append(f"{name}: {res.stdout.strip().splitlines()[0]}")
    data = {"clusters": len(todo), "errors": errors, "violations": violations,
            "median_seconds": statistics.median(times) if times else None}
    md = [
        "# The brief on many eval clusters, checked against the contract",
        "",
        f"- clusters: {len(todo)} (20 full-text Multi-News, 20 truncated Multi-News, every conflicts-dev cluster)"
        if not smoke() else f"- clusters: {len(todo)} (smoke subset)",
        f"- errors: {len(errors)}; contract violations (check_brief_contract.py): {len(violations)}",
        f"- median seconds per cluster (warm models): {data['median_seconds'] or 0:.2f}",
    ]
    md += [f"- error: {e}" for e in errors] + [f"- violation: {v}" for v in violations]
    print(write_results("contract", data, "\n".join(md)))
    if errors or violations:
        sys.exit(1)


if __name__ == "__main__":
    main()
