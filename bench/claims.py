"""Claim alignment on ClaimDiff: is a rebuttal ever shown as corroboration, and is support found?

    .venv/bin/python bench/claims.py            # train and test splits of both ClaimDiff files
    .venv/bin/python bench/claims.py --smoke    # 60 pairs of each split, no demo sweep

ClaimDiff pairs two claims from different outlets on one contentious event; the strength and
weak files hold the same pairs, so every pair is one of: B strengthens A, B weakens A, neither
(often a near-paraphrase or a loosely related claim). Each pair is aligned the way the brief
does it: a Story of two sources, one sentence each, through `align_claims`; "grouped" means the
brief would show the two as one corroborated claim. Grouped weakening pairs are false
corroboration (lower is better); grouped strengthening pairs are support found. Train is where
rules and thresholds are designed; test is reported as held-out (its twin is what we are judged on).
"""

from __future__ import annotations

import random
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import numpy as np
from harness import CORPUS, EVAL_DATA, options, read_jsonl, smoke, write_results

from storylens.models import Article, Sentence, Story

DATA = EVAL_DATA / "claimdiff"
SPLITS = ("train", "test")
CLASSES = {"W": "weakening", "S": "strengthening", "N": "neither"}
CURVE = (0.56, 0.58, 0.60, 0.62, 0.64, 0.66, 0.68, 0.70, 0.72, 0.74)
BOOT = 1000


@dataclass(frozen=True)
class Pair:
    pair_id: str
    topic: str
    a: str
    b: str
    cls: str  # "W", "S" or "N"


def load(split: str, limit: int | None = None) -> list[Pair]:
    """The pairs of one split, labelled from both files (same pairs, one relation each)."""
    weak = read_jsonl(DATA / f"ClaimDiff-weak-{split}.jsonl")
    strong = {r["pair_id"]: r["relation"] for r in read_jsonl(DATA / f"ClaimDiff-strength-{split}.jsonl")}
    pairs = [Pair(r["pair_id"], r["topic"], r["claim_a"], r["claim_b"],
                  "W" if r["relation"] else "S" if strong[r["pair_id"]] else "N") for r in weak]
    return pairs[:limit] if limit else pairs


def two_source_story(a: str, b: str, vectors: np.ndarray) -> Story:
    """The smallest story the brief could make of a pair: two outlets, one sentence each."""
    arts = [Article(id=k, raw=t, text=t) for k, t in (("a", a), ("b", b))]
    sents = [Sentence(source=k, index=i, start=0, end=len(t), text=t) for i, (k, t) in enumerate((("a", a), ("b", b)))]
    return Story(articles=arts, sentences=sents, embeddings=vectors)


def score_pairs(pairs: Sequence[Pair], vec: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """Per pair: grouped by the real alignment, its pair score, the rule's block, plain cosine, both claims."""
    from storylens.claims import align_claims
    from storylens.claims.align import pair_scores, rebuttals
    from storylens.claims.filters import is_claim

    grouped, score, blocked, cosine = [], [], [], []
    for p in pairs:
        vectors = np.stack([vec[p.a], vec[p.b]])
        claims = align_claims(two_source_story(p.a, p.b, vectors))
        grouped.append(any(c.status == "corroborated" for c in claims))
        score.append(float(pair_scores([p.a, p.b], vectors)[0, 1]))
        blocked.append(bool(rebuttals([p.a, p.b])[0, 1]))
        cosine.append(float(vectors[0] @ vectors[1]))
    return {"grouped": np.array(grouped), "score": np.array(score), "blocked": np.array(blocked),
            "cosine": np.array(cosine), "claims": np.array([is_claim(p.a) and is_claim(p.b) for p in pairs])}


def tfidf_cosine(pairs: Sequence[Pair], fit_on: Sequence[str]) -> np.ndarray:
    """TF-IDF cosine of each pair, the vocabulary and weights fitted on the train claims only."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    tf = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit(fit_on)
    xa, xb = tf.transform([p.a for p in pairs]), tf.transform([p.b for p in pairs])
    return np.asarray(xa.multiply(xb).sum(axis=1)).ravel()


def ruled_score(sc: dict[str, np.ndarray]) -> np.ndarray:
    """The pair score as the brief uses it: a pair the rebuttal rule blocks ranks below any other."""
    return np.where(sc["blocked"], sc["score"] - 2.0, sc["score"])


def matched_threshold(scores: np.ndarray, positive: np.ndarray, rate: float) -> float:
    """The cut at which the same share of positive pairs is grouped as `rate` (a peer's operating point)."""
    pos = np.sort(scores[positive])[::-1]
    k = round(rate * len(pos))
    return float("inf") if k == 0 else float(pos[k - 1])


def auc(scores: np.ndarray, positive: np.ndarray) -> float:
    from sklearn.metrics import roc_auc_score

    return float(roc_auc_score(positive, scores)) if 0 < positive.sum() < len(positive) else float("nan")


def topic_ci(topics: Sequence[str], stat: Callable[[np.ndarray], float], n: int = BOOT,
             seed: int = 0) -> tuple[float, float]:
    """95 % percentile interval of `stat(rows)` over topics resampled with replacement (pairs of a topic move together)."""
    by_topic: dict[str, list[int]] = {}
    for i, t in enumerate(topics):
        by_topic.setdefault(t, []).append(i)
    groups = list(by_topic.values())
    rng = random.Random(seed)
    vals = []
    for _ in range(n):
        rows = np.array([i for g in rng.choices(groups, k=len(groups)) for i in g])
        v = stat(rows)
        if not np.isnan(v):  # a draw without one of the classes has no rate: skip it
            vals.append(v)
    vals.sort()
    return (vals[int(len(vals) * 0.025)], vals[int(len(vals) * 0.975) - 1]) if vals else (float("nan"), float("nan"))


def rate(hit: np.ndarray, mask: np.ndarray) -> Callable[[np.ndarray], float]:
    """Share of the `mask` rows among `rows` that are `hit` (in %), as a statistic of resampled rows."""
    def stat(rows: np.ndarray) -> float:
        m = mask[rows]
        return 100.0 * float(hit[rows][m].mean()) if m.any() else float("nan")
    return stat


def system_rows(pairs: Sequence[Pair], sc: dict[str, np.ndarray], tfidf: np.ndarray) -> dict[str, Any]:
    """storylens, storylens without the rebuttal rule, and two peers matched to its support rate."""
    from storylens.claims import ALIGN_THRESHOLD

    cls = np.array([p.cls for p in pairs])
    topics = [p.topic for p in pairs]
    strong = cls == "S"
    both_claims = sc["claims"]
    systems: dict[str, tuple[np.ndarray, np.ndarray, float | None]] = {
        "storylens": (sc["grouped"], ruled_score(sc), ALIGN_THRESHOLD),
        "storylens without the rebuttal rule": (both_claims & (sc["score"] >= ALIGN_THRESHOLD), sc["score"],
                                                ALIGN_THRESHOLD),
    }
    target = float(sc["grouped"][strong].mean())
    for name, s in (("MiniLM cosine (same support rate)", sc["cosine"]), ("TF-IDF cosine (same support rate)", tfidf)):
        t = matched_threshold(s, strong, target)
        systems[name] = (s >= t, s, t)
    out: dict[str, Any] = {}
    for name, (grouped, score, thr) in systems.items():
        row: dict[str, Any] = {"threshold": thr}
        for c in CLASSES:
            stat = rate(grouped, cls == c)
            row[f"{c}_grouped_pct"] = round(stat(np.arange(len(pairs))), 2)
            row[f"{c}_n"] = int((cls == c).sum())
            row[f"{c}_grouped"] = int(grouped[cls == c].sum())
            row[f"{c}_ci95"] = [round(v, 2) for v in topic_ci(topics, stat)]
        row["auc_strengthen_vs_rest"] = round(auc(score, strong), 4)
        row["auc_ci95"] = [round(v, 4) for v in topic_ci(topics, lambda r, s=score: auc(s[r], strong[r]))]
        out[name] = row
    return out


def per_file(pairs: Sequence[Pair], sc: dict[str, np.ndarray]) -> dict[str, Any]:
    """The two files as published: relation 1 vs 0 grouped, and the pair score's AUC for relation 1."""
    cls = np.array([p.cls for p in pairs])
    topics = [p.topic for p in pairs]
    grouped = sc["grouped"]
    out = {}
    for name, rel in (("weak", cls == "W"), ("strength", cls == "S")):
        r1, r0 = rate(grouped, rel), rate(grouped, ~rel)
        every = np.arange(len(pairs))
        out[name] = {"relation1": int(rel.sum()), "relation0": int((~rel).sum()),
                     "relation1_grouped_pct": round(r1(every), 2), "relation1_ci95": [round(v, 2) for v in topic_ci(topics, r1)],
                     "relation0_grouped_pct": round(r0(every), 2), "relation0_ci95": [round(v, 2) for v in topic_ci(topics, r0)],
                     "auc_relation1_vs_rest": round(auc(ruled_score(sc), rel), 4)}
    return out


def curve(pairs: Sequence[Pair], sc: dict[str, np.ndarray]) -> list[dict[str, Any]]:
    """Grouped shares per class as the threshold moves (a two-sentence story groups iff both are claims,
    the pair is not blocked and the score reaches the threshold: checked against `align_claims` at the
    shipped threshold in `run`)."""
    cls = np.array([p.cls for p in pairs])
    rows = []
    for t in CURVE:
        g0 = sc["claims"] & (sc["score"] >= t)
        g = g0 & ~sc["blocked"]
        rows.append({"threshold": t, **{f"{c}_grouped_pct": round(100.0 * float(g[cls == c].mean()), 2) for c in CLASSES},
                     "W_grouped_pct_without_rule": round(100.0 * float(g0[cls == "W"].mean()), 2)})
    return rows


def demo_sweep() -> list[dict[str, Any]]:
    """The demo's claims with >= 2 independent sources at each threshold of the curve (the pipeline runs once;
    the brief later marks those a conflict touches 'conflicting', so it shows fewer as corroborated)."""
    from storylens.api import analyse, prepare
    from storylens.api import load as load_corpus
    from storylens.claims import align as align_mod

    story = analyse(prepare(load_corpus([CORPUS])))
    shipped = align_mod.ALIGN_THRESHOLD
    rows = []
    try:
        for t in CURVE:
            align_mod.ALIGN_THRESHOLD = t  # the sweep only: the stage reads the module constant per call
            claims = align_mod.align_claims(story)
            rows.append({"threshold": t, "corroborated": sum(c.status == "corroborated" for c in claims)})
    finally:
        align_mod.ALIGN_THRESHOLD = shipped
        align_mod.align_claims(story)
    return rows


def run(limit: int | None, demo: bool) -> dict[str, Any]:
    from storylens.claims import ALIGN_THRESHOLD
    from storylens.nlp import embed

    splits = {s: load(s, limit) for s in SPLITS}
    texts = sorted({t for ps in splits.values() for p in ps for t in (p.a, p.b)})
    vec = dict(zip(texts, embed(texts), strict=True))
    train_texts = sorted({t for p in splits["train"] for t in (p.a, p.b)})
    data: dict[str, Any] = {"splits": {}}
    for split, pairs in splits.items():
        sc = score_pairs(pairs, vec)
        # the curve's shortcut must agree with the real alignment at the shipped threshold
        shortcut = sc["claims"] & ~sc["blocked"] & (sc["score"] >= ALIGN_THRESHOLD)
        cls = np.array([p.cls for p in pairs])
        data["splits"][split] = {
            "pairs": len(pairs), "topics": len({p.topic for p in pairs}),
            "shortcut_disagreements": int((shortcut != sc["grouped"]).sum()),
            "blocked_by_rule": {c: int(sc["blocked"][cls == c].sum()) for c in CLASSES},
            "grouped_pairs_blocked_by_rule": {
                c: int((sc["blocked"] & sc["claims"] & (sc["score"] >= ALIGN_THRESHOLD))[cls == c].sum())
                for c in CLASSES},
            "files": per_file(pairs, sc),
            "systems": system_rows(pairs, sc, tfidf_cosine(pairs, train_texts)),
            "curve": curve(pairs, sc),
        }
    if demo:
        data["demo_corroborated"] = demo_sweep()
    return data


def _ci(v: Sequence[float]) -> str:
    return f"[{v[0]:.1f}, {v[1]:.1f}]"


def markdown(data: dict[str, Any]) -> str:
    from storylens.claims import ALIGN_THRESHOLD
    from storylens.claims.align import LEXICAL_WEIGHT

    md = ["# Claims: corroboration on ClaimDiff (claim pairs from different outlets)\n",
          __doc__.split("\n\n", 2)[2].strip() + "\n",
          (f"Shipped pair score: MiniLM cosine + {LEXICAL_WEIGHT} × content-word Jaccard ≥ {ALIGN_THRESHOLD}, and the rebuttal "
          "rule (`claims.align.rebuttals`): one sentence denies or rebuts (`filters.is_denial`) while the other "
          "negates nothing, never one claim. 95 % intervals: 1000 bootstrap draws of topics. Rows come in "
          "both directions (`_rev` ids) and are counted as rows.\n"),
          "## The files as published (storylens, shipped settings)\n",
          "| file | split | relation = 1 | grouped | relation = 0 | grouped | AUC pair score, relation 1 vs rest |",
          "|---|---|---|---|---|---|---|"]
    for name, what in (("weak", "weakens"), ("strength", "strengthens")):
        for split in SPLITS:
            if split not in data["splits"]:
                continue
            f = data["splits"][split]["files"][name]
            held = " (held-out)" if split == "test" else ""
            md.append(f"| ClaimDiff-{name}-{split} | {split}{held} | {f['relation1']} (B {what} A) | "
                      f"{f['relation1_grouped_pct']:.1f} % {_ci(f['relation1_ci95'])} | {f['relation0']} | "
                      f"{f['relation0_grouped_pct']:.1f} % {_ci(f['relation0_ci95'])} | {f['auc_relation1_vs_rest']:.3f} |")
    md += [("\nRelation 0 of the weak file is mostly strengthening pairs (the same pairs, labelled in the other "
           "file), so its grouped share is support found, not an error.\n"),
           "## Systems, three classes (peers at the same strengthening rate as storylens on that split)\n",
           ("| split | system | threshold | weakening grouped (false corroboration, lower is better) | "
           "strengthening grouped (support found) | neither grouped | AUC strengthen vs rest |"),
           "|---|---|---|---|---|---|---|"]
    for split in SPLITS:
        if split not in data["splits"]:
            continue
        for name, r in data["splits"][split]["systems"].items():
            cells = [f"{r[f'{c}_grouped_pct']:.1f} % ({r[f'{c}_grouped']}/{r[f'{c}_n']}) {_ci(r[f'{c}_ci95'])}"
                     for c in CLASSES]
            md.append(f"| {split} | {name} | {r['threshold']:.3f} | {' | '.join(cells)} | "
                      f"{r['auc_strengthen_vs_rest']:.3f} [{r['auc_ci95'][0]:.3f}, {r['auc_ci95'][1]:.3f}] |")
    md += ["\n## The rebuttal rule's reach (pairs it blocks / of those, pairs that reached the threshold)\n",
           "| split | weakening | strengthening | neither | shortcut vs `align_claims` disagreements |",
           "|---|---|---|---|---|"]
    for split, s in data["splits"].items():
        b, g = s["blocked_by_rule"], s["grouped_pairs_blocked_by_rule"]
        md.append(f"| {split} | {b['W']} / {g['W']} | {b['S']} / {g['S']} | {b['N']} / {g['N']} | "
                  f"{s['shortcut_disagreements']} |")
    md += ["\n## Threshold curve (train only: where the threshold is decided)\n",
           ("| threshold | weakening grouped | (without the rule) | strengthening grouped | neither grouped | "
           "demo claims with ≥ 2 sources (before the conflict stage) |"), "|---|---|---|---|---|---|"]
    demo = {r["threshold"]: r["corroborated"] for r in data.get("demo_corroborated", [])}
    if "train" in data["splits"]:
        for r in data["splits"]["train"]["curve"]:
            md.append(f"| {r['threshold']:.2f} | {r['W_grouped_pct']:.1f} % | {r['W_grouped_pct_without_rule']:.1f} % | "
                      f"{r['S_grouped_pct']:.1f} % | {r['N_grouped_pct']:.1f} % | {demo.get(r['threshold'], '–')} |")
    md.append("\n" + TRIED)
    return "\n".join(md)


TRIED = """## Goal status

* **No explicit denial shown as corroboration: reached by construction.** A sentence that denies or
  rebuts ("denied", "rejected the claim", "disputed the figures", "pushed back on", "no evidence",
  "falsely", "not true", "refuted") is never grouped with one that negates nothing, directly or through
  a third sentence. Two denials still group ("Google denied any bias" / "Google pushed back and denied
  ranking results"), and so does a denial beside any other negation (often the same denial in other words).
  Measured: test (held-out) weakening pairs grouped 3.5 % → 2.4 % (6 → 4 of 169 rows), strengthening and
  other pairs unchanged; train unchanged at the shipped threshold (no pair the rule blocks reaches it).
* **False corroboration on weakening pairs in general: not solved.** Most ClaimDiff weakening pairs carry no
  denial words at all ("Zervos said the incident occurred at the hotel" / "Zervos had emailed Trump's
  office to ask if he could visit her restaurant"; "far fewer pardons than his predecessors" / "preparing
  to make much broader use of commutations"); the pair score barely tells them from support, and the peers
  do no better in a way the intervals can see (a handful of rows each).
* **A plain negation against an assertion is still grouped** ("The factory did not dump toxic waste" /
  "Regulators said the factory dumped toxic waste"): see below why negation alone is not a rebuttal cue.

## What was tried (designed on train only; test read once after deciding)

* **The rebuttal rule as shipped** (`filters.is_denial`, `align.rebuttals`): on train it blocks 15
  weakening, 10 strengthening and 3 other rows of the whole split, none of which reaches 0.66 (the highest
  scores 0.613), so train is unchanged at the shipped threshold; once the threshold is lower it cuts false
  corroboration only (0.60: weakening 14.2 → 12.7 %, strengthening unchanged at 20.4 %). On the demo brief
  (`storylens brief examples/kim-train-2023 -f json`) corroborated claims go 16 → 15: the one split is
  "Pyongyang and Moscow deny that North Korea is willing to supply weapons to Russia" grouped with
  "Washington says it would be a 'big mistake' if North Korea supplies weapons to Russia" (a denial beside
  a warning, not the same claim); the other 15 are identical and the summary and conflicts unchanged
  (claims with ≥ 2 sources before the conflict stage marks some 'conflicting': 22 → 21). Kept. Test
  read after deciding: 2 of the 6 grouped weakening rows blocked, no strengthening or other row. Those 2
  rows are one pair in both directions, "Google denied any political bias ..." / "President Trump
  threatened Google ... saying the Internet giant's search engine is biased", the example the task
  itself quoted from this split: not independent evidence; the independent part is that no other test
  row moved.
* **Doubt and not knowing as denials** (2026-12-06, from QA briefs: an ECB+ blog's "I am skeptical about
  its value" had corroborated the deal it doubts, and "It was not immediately clear ... where they would be
  taken" the pirates' handing over "to authorities in Djibouti"): "skeptical", "doubts that", "questioned
  whether", "cast doubt", "unclear", "not (immediately) clear / known", "unknown where / whether ...".
  ClaimDiff at the shipped threshold unchanged on both splits (the rule's reach table above: more pairs
  blocked, none reaching 0.66). On the demo brief it splits "it is unknown where the leaders will meet" from
  the sources that say where they will meet (it was one 'conflicting' claim with them) and reshuffles three
  groups around it; summary and conflicts identical. Kept.
* **Disclosure**: a first, looser cue list ("dismiss", "dispute", "reject" with any object) was counted
  once on both splits before being narrowed (aggregate counts only, no test pair read): on test it would
  have blocked 2 weakening but 9 strengthening grouped rows. It was narrowed on train and general-news
  mistakes: "voted not to dismiss the trial", "territorial disputes", "denied Texas' request to delay",
  "rejected calls to", "the Fake News", "deny service to same-sex couples" (Multi-News sentences). The
  shipped cues need a statement as object ("rejected the claim", "disputed the figures") and skip
  refusals ("was denied bail", "denied the motion") and "pushed back the launch".
* **Any negation on one side only** ("not", "never", "n't"): on train at 0.66 it would block 5 of the
  11 grouped weakening rows but 28 of the 155 grouped strengthening rows, mostly the same fact told
  through a negation ("have not established that they are likely to succeed" / "are unlikely to
  succeed"; "does not need to be stored at ultracold temperatures" / "can be kept at refrigerator
  temperatures"); on the demo it would split "had not left North Korea since the pandemic" from "the
  first time he has traveled abroad since the pandemic". Not adopted: plain negation only counts on the
  *other* side (it keeps a denial groupable).
* **Negation of a word the other sentence asserts** (the first content word after "not"/"never"/"n't"
  found, stemmed, in a sentence that negates nothing): on train at 0.66 it blocks 1 weakening and 1 other
  row and no strengthening row, at 0.60 1 weakening, 1 other and 2 strengthening ("just not with their
  anthem playing" / "Russia's anthem will be absent"; "he couldn't breathe" / "his breathing became more
  labored"). Too little reach for its risk: not adopted.
* **A contrast opener with a negation** ("But ... not", "However ... never") on one side only: 2 train
  pairs above 0.55, both strengthening. Not adopted.
* **The threshold** (curve above, at the Jaccard weight of its time): on train, 0.70 instead of 0.66 would
  group weakening rows 1.0 % instead of 5.6 % but strengthening 8.7 % instead of 12.0 % (9 weakening rows
  for 43 strengthening rows); the 11 grouped weakening rows are 7 distinct pairs, too few to move the
  threshold on, and the demo's claims with ≥ 2 sources fall from 21 to 19. 0.66 kept then.
* **The overlap's weight and the threshold together** (2026-12-06, from QA briefs in which every
  'corroborated' claim of a story was only on its topic: "The water department is responsible for about $6
  billion of Detroit's $18 billion debt" backed by "The Detroit Water and Sewerage Department announced
  Wednesday that it is intensifying efforts to collect unpaid debts"): 260 cross-source pairs of 23 briefs
  labelled by hand (bench/alignment.py, results in alignment.md) showed topic pairs with a high cosine and a
  low overlap, and the same fact in other words with the reverse. Chosen on that set's design half and on
  train here: Jaccard weight 0.3 -> 0.5 and threshold 0.66 -> 0.70. Train: weakening grouped 5.6 % -> 2.5 %,
  strengthening 12.0 % -> 11.4 %, AUC 0.699 -> 0.701; the labelled design half: grouped pairs stating one
  fact 73 % -> 83 %. Test, read after deciding: weakening 2.4 % -> 0.0 %, strengthening 13.7 % -> 11.4 %.
  The demo's claims with ≥ 2 sources 21 -> 22 (four groups re-formed; summary and conflicts identical).
  Kept.
* **Peers at the same support rate**: plain MiniLM cosine groups weakening rows 4.1 % on train and 5.9 %
  on test; TF-IDF cosine 2.0 % and 1.2 % (fewest, but the lowest AUC for strengthening vs rest). All
  within each other's topic intervals.
* **Rules since the last run (2026-12-07, morning to evening)**: the claims stage now splits off a member
  that does not state the shown sentence's figures, days and months (QA round 14: a claim listed with five
  sources that gave neither its "June" nor its "$99"), keeps the words of two named speakers apart (round 11)
  and shows a claim in the member whose words the others state most of on average (round 19). The curve's
  shortcut models the rebuttal rule only, so the first two now show as "shortcut vs `align_claims`
  disagreements" (train 0 -> 20, test 0 -> 5, every one a strengthening or neither pair the real alignment no
  longer groups: "Thursday's vote at an emergency meeting of the General Assembly ..." / "Thursday's vote took
  place at a rare emergency session of the 193-member UN General Assembly", whose "193" the other does not
  state). Support found: train 10.8 % -> 9.2 %, test 11.4 % -> 10.4 %; weakening grouped unchanged (1.5 % /
  0.0 %). Kept: a claim's shown words must be what every listed source says.
* **Rules of 2026-12-07, late evening (QA rounds 22 to 26)**: two sources whose sentences share a run of ten words
  or more outside quotation marks count as one report for that claim (a wire paragraph one outlet re-opened: "After
  hitting her, the suspect sideswiped a parked vehicle before leaving the parking lot ..." / "The car then
  sideswiped a parked vehicle before leaving ..."), while words two outlets quote alike from a speaker are two
  reports, also under the older word-for-word rule; the clause before an excerpt's cut is a claim. ClaimDiff pairs
  are one text and its edit, so some may share such runs: a run midway through the rounds read support found train
  9.2 % -> 9.1 %, test 10.4 % -> 10.1 %, weakening grouped unchanged (1.5 % / 0.0 %); the table is the final run.
"""


def main() -> None:
    options(__doc__)
    is_smoke = smoke()
    data = {"smoke": is_smoke, **run(60 if is_smoke else None, demo=not is_smoke)}
    path = write_results("claims", data, markdown(data))
    print(path.read_text())


if __name__ == "__main__":
    main()
