"""Dependency audit: are our pins exact, and does any pinned release carry a known advisory?

Two sources, because neither covers everything from this machine:
1. pip-audit (the `audit` extra) on the frozen environment, against PyPI's advisory data.
2. The registry's project JSON (`/pypi/<name>/json`), whose `vulnerabilities` list describes the
   project's latest release: when our pin *is* the latest release, that list applies to it.
Packages that neither source could check are listed by name, never counted as clean.

    python bench/audit.py            # needs the package registry
    python bench/audit.py --smoke    # offline: pin checks only
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tomllib
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from harness import ROOT, options, smoke, write_results

REGISTRY = "https://pypi.org/pypi/{name}/json"


def declared_pins() -> dict[str, list[str]]:
    """Every requirement in pyproject.toml, and those not pinned with `==`."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    reqs = list(project["dependencies"])
    for extra in project.get("optional-dependencies", {}).values():
        reqs.extend(extra)
    loose = [r for r in reqs if "==" not in r]
    return {"all": reqs, "loose": loose}


def frozen() -> list[tuple[str, str]]:
    """(name, version) of every installed distribution but the project itself."""
    out = subprocess.run([sys.executable, "-m", "pip", "freeze", "--exclude-editable"],
                         capture_output=True, text=True, check=True).stdout
    pins = []
    for line in out.splitlines():
        if "==" in line:
            name, version = line.split("==", 1)
            pins.append((name, re.sub(r"\+.*$", "", version)))  # torch's local tag "+cpu"
    return pins


def run_pip_audit(pins: list[tuple[str, str]]) -> dict[str, Any]:
    req = ROOT / "build" / "audit-requirements.txt"
    req.parent.mkdir(exist_ok=True)
    req.write_text("".join(f"{n}=={v}\n" for n, v in pins))
    proc = subprocess.run([sys.executable, "-m", "pip_audit", "-r", str(req), "--no-deps", "--disable-pip",
                           "--progress-spinner", "off", "-f", "json"], check=False, capture_output=True, text=True)
    if proc.returncode not in (0, 1) or not proc.stdout.strip():
        return {"ran": False, "error": (proc.stderr.strip().splitlines() or ["no output"])[-1]}
    deps = json.loads(proc.stdout)["dependencies"]
    return {
        "ran": True,
        "audited": sum(1 for d in deps if not d.get("skip_reason")),
        "skipped": sum(1 for d in deps if d.get("skip_reason")),
        "vulnerable": {d["name"]: [v["id"] for v in d["vulns"]] for d in deps if d.get("vulns")},
    }


def registry_check(pins: list[tuple[str, str]]) -> dict[str, Any]:
    def one(pin: tuple[str, str]) -> tuple[str, str, str | None, list[Any] | None]:
        name, version = pin
        try:
            with urllib.request.urlopen(REGISTRY.format(name=name), timeout=30) as resp:
                data = json.load(resp)
            return name, version, data["info"]["version"], data.get("vulnerabilities") or []
        except (OSError, ValueError, KeyError):
            return name, version, None, None

    with ThreadPoolExecutor(8) as pool:
        rows = list(pool.map(one, pins))
    latest = [r for r in rows if r[2] == r[1]]
    return {
        "checked": len(latest),
        "advisories": {r[0]: [v.get("id") for v in r[3]] for r in latest if r[3]},
        "older_than_latest": {r[0]: f"{r[1]} (latest {r[2]})" for r in rows if r[2] and r[2] != r[1]},
        "unreachable": [r[0] for r in rows if r[2] is None],
    }


def main() -> int:
    options(__doc__)
    pins = declared_pins()
    installed = frozen()
    data: dict[str, Any] = {"requirements": len(pins["all"]), "not_pinned": pins["loose"],
                            "installed": len(installed)}
    if not smoke():
        data["pip_audit"] = run_pip_audit(installed)
        data["registry"] = registry_check(installed)
    md = [(f"Requirements declared: {data['requirements']}, not pinned with `==`: {len(pins['loose'])}"
           f" {pins['loose'] or ''}"), f"Installed distributions audited: {data['installed']}"]
    if "pip_audit" in data:
        pa = data["pip_audit"]
        md.append(f"pip-audit: {'ran' if pa['ran'] else 'did not run: ' + pa.get('error', '')}"
                  + (f"; audited {pa['audited']}, skipped {pa['skipped']} (no per-release data), "
                     f"vulnerable {len(pa['vulnerable'])} {pa['vulnerable'] or ''}" if pa["ran"] else "")
                  + (" — the registry this machine reaches does not serve per-release JSON (`/pypi/<name>/<version>/json`),"
                     " which is where pip-audit reads advisories, and OSV is unreachable" if pa.get("ran") and not pa["audited"] else ""))
        rc = data["registry"]
        md.append(f"Registry check: {rc['checked']} pins are their project's latest release; advisories on them: "
                  f"{len(rc['advisories'])} {rc['advisories'] or ''}; unreachable: {len(rc['unreachable'])}")
        md.append("Older than the latest release (not covered by the registry check): "
                  + (", ".join(f"{k} {v}" for k, v in rc["older_than_latest"].items()) or "none"))
    write_results("audit", data, "\n".join(f"- {line}" for line in md) + "\n")
    print("\n".join(md))
    return 1 if pins["loose"] else 0


if __name__ == "__main__":
    sys.exit(main())
