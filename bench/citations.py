"""Are the summary's citations real? An independent check on Multi-News clusters.

    .venv/bin/python bench/citations.py            # both eval files (uses the bench/summaries.py cache)
    .venv/bin/python bench/citations.py --smoke    # 5 clusters

For every summary sentence, every cited source must contain a sentence that
(1) overlaps it lexically: ROUGE-L F1 (stemmed, `rouge_score`) >= 0.30,
(2) means the same: MiniLM cosine >= 0.60, and
(3) gives no different figure: the digit-written numbers of one are contained in the other's.
The checker shares no code or thresholds with the summarizer's own support scoring
(which uses content-word containment and a different cosine cut). A sentence is
"supported" when all its cited sources pass. Quotes are checked to be exact spans.
"""

from __future__ import annotations

import re
import statistics
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from harness import bootstrap_ci, options, smoke, write_results
from summaries import BUDGET, FILES, load, mark_strays

from storylens.models import Story

MIN_ROUGE_L = 0.30
MIN_COSINE = 0.60
_NUM = re.compile(r"\d+(?:[.,]\d+)*")
_SCORER: Any = None


def _rouge_l(a: str, b: str) -> float:
    global _SCORER
    if _SCORER is None:
        from rouge_score import rouge_scorer

        _SCORER = rouge_scorer.RougeScorer(["rougeL"], use_stemmer=True)
    return _SCORER.score(a, b)["rougeL"].fmeasure


def _nums(text: str) -> set[str]:
    return {n.replace(",", "") for n in _NUM.findall(text)}


def source_supports(story: Story, text: str, vector: Any, source: str) -> bool:
    """Whether `source` has a sentence that says `text` (the independent three-part check)."""
    mine = _nums(text)
    for s in story.sentences_of(source):
        if float(story.embeddings[s.index] @ vector) < MIN_COSINE:
            continue
        theirs = _nums(s.text)
        if mine and theirs and not (mine <= theirs or theirs <= mine):
            continue
        if _rouge_l(text, s.text) >= MIN_ROUGE_L:
            return True
    return False


def check(story: Story) -> dict[str, Any]:
    from storylens.summarize import summarize

    mark_strays(story)
    summary = summarize(story, max_words=BUDGET)
    index = {(s.source, s.end): s.index for s in story.sentences}  # a quote may start after a dateline
    rows = []
    quotes = exact = 0
    for sent in summary:
        for q in sent.quotes:
            quotes += 1
            exact += story.article(q.source).text[q.start:q.end] == q.quote
        vector = story.embeddings[index[(sent.quotes[0].source, sent.quotes[0].end)]]
        others = sent.sources[1:]
        passed = [source_supports(story, sent.text, vector, src) for src in others]
        rows.append({"n_sources": len(sent.sources), "supported": all(passed),
                     "citations": len(others), "citations_ok": sum(passed)})
    return {"sentences": rows, "quotes": quotes, "exact": exact}


def main() -> None:
    options(__doc__)
    is_smoke = smoke()
    data: dict[str, Any] = {"smoke": is_smoke, "budget_words": BUDGET,
                            "check": {"min_rouge_l": MIN_ROUGE_L, "min_cosine": MIN_COSINE}, "files": {}}
    md = ["# Citations: do cited sources really support the summary sentence?\n",
          ("Independent check per cited source: a sentence with ROUGE-L F1 ≥ "
           f"{MIN_ROUGE_L}, MiniLM cosine ≥ {MIN_COSINE} and no different number. Summaries of "
           f"{BUDGET} words. Goal: supported ≥ 95 %, exact quotes = 100 %.\n"),
          ("| file | clusters | summary sentences | supported (95% CI) | extra citations | extra citations "
           "confirmed | sentences citing ≥2 sources (all cited sources confirmed) | exact quotes |"),
          "|---|---|---|---|---|---|---|---|"]
    for key in (["test-250"] if is_smoke else FILES):  # smoke: 5 short clusters
        pairs = load(key, limit=5 if is_smoke else None)
        results = [check(story) for _, story in pairs]
        rows = [r for res in results for r in res["sentences"]]
        flags = [100.0 * r["supported"] for r in rows]
        lo, hi = bootstrap_ci(flags)
        cites = sum(r["citations"] for r in rows)
        ok = sum(r["citations_ok"] for r in rows)
        quotes = sum(res["quotes"] for res in results)
        exact = sum(res["exact"] for res in results)
        multi = 100.0 * sum(r["n_sources"] >= 2 for r in rows) / max(1, len(rows))
        # Single-source sentences pass trivially (their own quote is exact): report the others apart.
        multi_rows = [r for r in rows if r["n_sources"] >= 2]
        multi_ok = 100.0 * sum(r["supported"] for r in multi_rows) / max(1, len(multi_rows))
        entry = {
            "clusters": len(pairs), "sentences": len(rows),
            "supported_pct": round(statistics.fmean(flags), 2) if flags else None, "supported_ci95": [lo, hi],
            "extra_citations": cites, "extra_citations_confirmed": ok,
            "multi_source_sentences_pct": round(multi, 1),
            "multi_source_sentences_supported_pct": round(multi_ok, 1),
            "quotes": quotes, "exact_quotes_pct": round(100.0 * exact / max(1, quotes), 2),
        }
        data["files"][key] = entry
        md.append(f"| {FILES[key]} | {len(pairs)} | {len(rows)} | {entry['supported_pct']:.1f} "
                  f"[{lo:.1f}, {hi:.1f}] | {cites} | {ok} ({100 * ok / max(1, cites):.1f} %) | {multi:.1f} % "
                  f"({multi_ok:.1f} %) | {entry['exact_quotes_pct']:.1f} % |")
    md.append("\n\"Supported\" counts a single-source sentence as supported (its own quote is exact); the "
              "extra-citation columns show the precision of the *additional* sources cited.")
    write_results("citations", data, "\n".join(md))
    print("\n".join(md))


if __name__ == "__main__":
    main()
