"""Collate the hardening figures (issue 8) into one page: bench/results/reliability.md.

Each part is measured by its own script, which records its date and command:

    make fuzz                        -> fuzz.json       (atheris; hypothesis in tests/fuzz)
    python bench/security.py         -> security.json   (XSS payloads, attack URLs)
    python bench/resources.py        -> resources.json  (bombs, huge inputs, peak RSS)
    python bench/faults.py           -> faults.json     (SIGKILL, disk full, read-only, two writers)
    make audit                       -> audit.json      (dependencies)

This script only reads those files (run it last); it fails when a figure that must be zero is not.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from harness import RESULTS, options, smoke, write_results

PARTS = ("fuzz", "security", "resources", "faults", "audit")


def load(name: str) -> dict[str, Any] | None:
    # A smoke run collates the smoke results beside it; a full run, the committed ones.
    for folder in ([RESULTS / "smoke"] if smoke() else []) + [RESULTS]:
        path = folder / f"{name}.json"
        if path.exists():
            return json.loads(path.read_text())
    return None


def must_be_zero(res: dict[str, dict[str, Any] | None]) -> dict[str, int]:
    """The figures the issue says must be 0 (a missing part counts as a failure)."""
    sec, fau, rsc, fuz = res["security"] or {}, res["faults"] or {}, res["resources"] or {}, res["fuzz"] or {}
    return {
        "fuzz: crashes found and not fixed": int(fuz.get("crashes_found", 1)),
        "XSS payloads executed or escaped": int(sec.get("escapes", 1)) + int(sec.get("browser_executed", 1)),
        "attack URLs that reached the server": int(sec.get("attack_urls_reached", 1)),
        "resource cases ending in a traceback, crash or timeout": (
            int(rsc.get("tracebacks", 1)) + int(rsc.get("crashes", 1)) + int(rsc.get("timeouts", 1))),
        "records lost": int(fau.get("records_lost", 1)),
        "records duplicated": int(fau.get("records_duplicated", 1)),
        "store integrity failures": int(fau.get("integrity_failures", 1)),
    }


def cell(value: Any) -> str:
    """A table cell that shows markup as text (findings quote tags like <title>)."""
    return str(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("|", "/")


def section(title: str, data: dict[str, Any] | None, rows: list[tuple[str, Any]]) -> list[str]:
    if data is None:
        return [f"## {title}", "", "Not measured yet: its results file is missing.", ""]
    out = [f"## {title}", "", f"`{data.get('command')}` ({data.get('date')})", "", "| figure | value |", "|---|---|"]
    out += [f"| {k} | {cell(v)} |" for k, v in rows]
    return out + [""]


def markdown(res: dict[str, dict[str, Any] | None], zeros: dict[str, int]) -> str:
    fuz, sec, rsc, fau, aud = (res[p] or {} for p in PARTS)
    md = ["# Reliability and security figures (issue 8)", "",
          "Collated by `python bench/reliability.py` from the results of the scripts named in each section.", "",
          "| must be 0 | value |", "|---|---|"]
    md += [f"| {k} | **{v}** |" for k, v in zeros.items()]
    md.append("")
    md += section("Fuzzing", res["fuzz"], [
        ("atheris targets × seconds", f"{fuz.get('targets')} × {fuz.get('seconds_per_target')}"),
        ("atheris cases run", fuz.get("cases_run")),
        ("hypothesis property cases run", fuz.get("property_cases_run", "see tests/fuzz")),
        ("crashes found still open", fuz.get("crashes_found")),
        ("crashes (and hangs) found and fixed, each with a regression test", fuz.get("crashes_fixed")),
        ("contract violations found and fixed", fuz.get("contract_violations_fixed")),
    ])
    if fuz.get("findings"):
        md += ["| found | by | where | fix |", "|---|---|---|---|"]
        md += [f"| {cell(f['description'])} | {f['found_by']} | {cell(f['target'])} | {cell(f['fix'])} |"
               for f in fuz["findings"]]
        md.append("")
    md += section("Hostile content (XSS)", res["security"], [
        ("payloads tried (classes)", f"{sec.get('payloads_tried')} ({sec.get('payload_classes')})"),
        ("payload × output path combinations", sec.get("payload_path_combinations")),
        ("escaped into markup", sec.get("escapes")),
        ("executed in Chromium (report and web UI, with and without CSP)", sec.get("browser_executed")),
        ("Markdown escapes before the fix", sec.get("markdown_escapes_before_fix")),
    ])
    md += section("Network (SSRF)", res["security"], [
        ("attack URLs tried (classes)", f"{sec.get('attack_urls_tried')} ({sec.get('attack_classes')})"),
        ("reached the loopback trap server", sec.get("attack_urls_reached")),
        ("by class (tried)", sec.get("tried_by_class")),
        ("before the fix: tried / not refused / reached",
         (f"{sec.get('before_fix_attack_urls_tried')} / {sec.get('before_fix_attack_urls_not_refused')} / "
          f"{sec.get('before_fix_attack_urls_reached')}")),
    ])
    md += section("Resource limits", res["resources"], [
        ("cases run / ended as expected", f"{rsc.get('cases_run')} / {rsc.get('cases_ok')}"),
        ("tracebacks, crashes, timeouts, unclear errors",
         f"{rsc.get('tracebacks')}, {rsc.get('crashes')}, {rsc.get('timeouts')}, {rsc.get('unclear_errors')}"),
        ("largest peak RSS (bound)", f"{rsc.get('max_peak_rss_mb')} MB ({rsc.get('bound_max_rss_mb')} MB)"),
        ("WARC reader, peak RSS 1 GB vs 100 MB archive (plain / gzip)",
         f"{rsc.get('read_warc_plain_rss_ratio_large_vs_small')} / {rsc.get('read_warc_gz_rss_ratio_large_vs_small')}"),
    ])
    if rsc.get("cases"):
        md += ["| case | input MB | outcome | peak RSS MB | first line of stderr |", "|---|---|---|---|---|"]
        md += [f"| {c['case']} | {c.get('input_mb')} | {c.get('outcome')} | {c.get('peak_rss_mb')} | "
               f"{cell((c.get('stderr_first') or '')[:110])} |" for c in rsc["cases"]]
        md.append("")
    md += section("Faults", res["faults"], [
        ("SIGKILLs attempted / landed / survived",
         f"{fau.get('kills_attempted')} / {fau.get('kills_landed')} / {fau.get('kills_survived')}"),
        ("records lost / duplicated", f"{fau.get('records_lost')} / {fau.get('records_duplicated')}"),
        ("integrity failures", fau.get("integrity_failures")),
        ("disk full: rounds / failed cleanly / rerun completed",
         f"{fau.get('disk_full_rounds')} / {fau.get('disk_full_failed_cleanly')} / {fau.get('disk_full_rerun_ok')}"),
        ("read-only database: write failed cleanly / file unchanged",
         f"{fau.get('read_only_write_failed_cleanly')} / {fau.get('read_only_file_unchanged')}"),
        ("two writers: rounds / writers finished / failed uncleanly",
         (f"{fau.get('two_writers_rounds')} / {fau.get('two_writers_writers_finished')} / "
          f"{fau.get('two_writers_writers_failed_uncleanly')}")),
    ])
    pa, rc = aud.get("pip_audit") or {}, aud.get("registry") or {}
    md += section("Dependencies", res["audit"], [
        ("requirements declared / not pinned with ==", f"{aud.get('requirements')} / {len(aud.get('not_pinned', []))}"),
        ("pip-audit: audited / skipped / vulnerable",
         f"{pa.get('audited')} / {pa.get('skipped')} / {len(pa.get('vulnerable', {}))}" if pa else "not run"),
        ("pins that are their latest release, with advisories",
         f"{rc.get('checked')}, {len(rc.get('advisories', {}))}" if rc else "not run"),
    ])
    return "\n".join(md)


def main() -> int:
    options(__doc__)
    res = {p: load(p) for p in PARTS}
    zeros = must_be_zero(res)
    write_results("reliability", {"must_be_zero": zeros, "parts": {p: (r or {}).get("command") for p, r in res.items()}},
                  markdown(res, zeros))
    bad = {k: v for k, v in zeros.items() if v}
    for k, v in zeros.items():
        print(f"{k}: {v}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
