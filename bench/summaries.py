"""Summary quality on Multi-News: storylens against sumy's methods and lead/random baselines.

    .venv/bin/python bench/summaries.py            # both eval files, tune + held-out halves
    .venv/bin/python bench/summaries.py --smoke    # 5 clusters, no cache
    .venv/bin/python bench/summaries.py --fit      # fit the scorer's weights on the tune half only

Every system gets the same sentences (spaCy's split of each document) and the same
~260-word budget, filled the same way: sentences in the system's own rank order, each
added if it still fits (so a summary is cut at a sentence boundary, never mid-sentence).
ROUGE is `rouge_score` F1 with the Porter stemmer; it reads about 1 point below the
original ROUGE-1.5.5 Perl script.
"""

from __future__ import annotations

import dataclasses
import hashlib
import itertools
import pickle
import random
import re
import statistics
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import numpy as np
from harness import EVAL_DATA, bootstrap_ci, options, read_jsonl, smoke, write_results

from storylens.models import Article, Story

BUDGET = 260
MDS = EVAL_DATA / "mds"
FILES = {"fulltext-99": "multinews-fulltext-test-99.jsonl", "test-250": "multinews-test-250.jsonl"}
CACHE = Path("/tmp/storylens-bench-cache")
# When fitting one case regime's weights (`storylens.summarize.regime`), how much the other
# regime's stories count. 5-fold CV on the tune halves, mean of 3 fold draws, storylens - lead R-1:
# cased text fitted on cased stories alone +3.64 (pooled +3.09, other regime at 0.1-0.5: +3.18-3.41);
# lower-cased text is no better on its own (+1.94; 0.1-0.5: +1.96-2.04; pooled +2.04), so it keeps the pooled fit.
OTHER_REGIME_WEIGHT = {False: 0.0, True: 1.0}  # keyed by "fitting the caseless weights"
METRICS = ("rouge1", "rouge2", "rougeLsum")  # Lsum: summary-level LCS over newline-split sentences

Ranker = Callable[[Story], list[int]]  # sentence indices, best first


# ---------------------------------------------------------------- data

def split_of(cluster_id: str) -> str:
    """'tune' or 'heldout' from a hash of the cluster id (about half each, stable across runs)."""
    return "tune" if hashlib.sha1(str(cluster_id).encode()).digest()[0] % 2 == 0 else "heldout"


def build_story(cluster: dict[str, Any]) -> Story:
    """Sentences and embeddings of one cluster: the stages the summarizer reads."""
    from storylens.nlp import annotate, embed

    articles = [
        Article(id=str(d.get("id") or f"d{i + 1}"), raw=d["text"], text=d["text"])
        for i, d in enumerate(cluster["documents"])
        if d["text"].strip()
    ]
    story = Story(articles=articles)
    story.sentences, story.mentions = annotate(story.analysed)
    story.embeddings = embed([s.text for s in story.sentences])
    return story


def mark_strays(story: Story) -> None:
    """What `storylens.analyse` does before the summary: sources that may report another story are left out of it
    (unless no two sources share much)."""
    from storylens.stories.strays import strays

    odd = strays(story)
    story.strays = odd if len(odd) < len(story.analysed) else []


def _code_key() -> str:
    """A hash of the code the cached stories come from (the nlp stage and the data model): a cache made by older
    code (another sentence splitter, a Story without a newer field) is never read."""
    import storylens.models.article as model
    from storylens import nlp

    files = sorted(Path(nlp.__file__).parent.glob("*.py")) + [Path(model.__file__)]
    return hashlib.sha1("".join(f.read_text(encoding="utf-8") for f in files).encode()).hexdigest()[:12]


def _with_defaults(story: Story) -> Story:
    """A cached story with any field it lacks set to its default: a process that was started before the data model
    gained a later stage's field keys its pickle by the new file's text (the nlp output it caches is the same)."""
    for f in dataclasses.fields(Story):
        if f.name not in vars(story):
            default = f.default_factory() if f.default_factory is not dataclasses.MISSING else f.default
            setattr(story, f.name, default)
    return story


def load(name: str, limit: int | None = None) -> list[tuple[dict[str, Any], Story]]:
    """(cluster, annotated story) pairs; full files are cached under /tmp (spaCy+MiniLM take minutes)."""
    clusters = read_jsonl(MDS / FILES[name])
    if limit is not None:
        return [(c, build_story(c)) for c in clusters[:limit]]
    path = CACHE / f"{name}-{_code_key()}.pkl"
    if path.exists():
        with open(path, "rb") as fh:
            stories = [_with_defaults(s) for s in pickle.load(fh)]
        if len(stories) == len(clusters):
            return list(zip(clusters, stories, strict=True))
    stories = [build_story(c) for c in clusters]
    CACHE.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as fh:
        pickle.dump(stories, fh)
    return list(zip(clusters, stories, strict=True))


# ---------------------------------------------------------------- systems

def fill(story: Story, ranked: Sequence[int], budget: int = BUDGET) -> list[int]:
    """Sentences in rank order, each kept if it still fits the word budget."""
    out, used = [], 0
    for i in ranked:
        n = len(story.sentences[i].text.split())
        if used + n <= budget:
            out.append(i)
            used += n
    return out


def storylens_system(settings: Any = None) -> Callable[[Story], list[int]]:
    from storylens.summarize import Settings, summarize

    def run(story: Story) -> list[int]:
        mark_strays(story)
        summary = summarize(story, max_words=BUDGET, settings=settings or Settings())
        by_end = {}  # a quote may start after its sentence's dateline; it ends where the sentence does
        for s in story.sentences:
            by_end.setdefault((s.source, s.end), s.index)
        return [by_end[(q.quotes[0].source, q.quotes[0].end)] for q in summary]

    return run


def lead_round_robin(story: Story) -> list[int]:
    """First sentence of each document in turn, then the second, ..."""
    per_doc: dict[str, list[int]] = {}
    for s in story.sentences:
        per_doc.setdefault(s.source, []).append(s.index)
    columns = itertools.zip_longest(*per_doc.values())
    return [i for row in columns for i in row if i is not None]


def random_order(story: Story) -> list[int]:
    order = [s.index for s in story.sentences]
    random.Random(len(order)).shuffle(order)
    return order


def sumy_system(kind: str) -> Ranker:
    """A sumy summarizer fed the same sentences, its full ranking read through a counting callable."""
    from sumy.models.dom import ObjectDocumentModel, Paragraph
    from sumy.models.dom import Sentence as SumySentence
    from sumy.nlp.stemmers import Stemmer
    from sumy.summarizers.kl import KLSummarizer
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.lsa import LsaSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer
    from sumy.utils import get_stop_words

    from storylens.summarize.text import words

    class WordTokenizer:
        """sumy's Tokenizer('english') needs NLTK punkt data; sentences are given, words by regex."""

        language = "english"

        def to_sentences(self, paragraph: str) -> list[str]:
            return [paragraph]

        def to_words(self, sentence: str) -> list[str]:
            return words(sentence)

    classes = {"lexrank": LexRankSummarizer, "textrank": TextRankSummarizer, "lsa": LsaSummarizer,
               "kl": KLSummarizer}
    tok = WordTokenizer()

    def run(story: Story) -> list[int]:
        summarizer = classes[kind](Stemmer("english"))
        summarizer.stop_words = get_stop_words("english")
        paragraphs, index = [], {}
        for art in story.analysed:
            sents = []
            for s in story.sentences_of(art.id):
                obj = SumySentence(s.text, tok)
                index[id(obj)] = s.index
                sents.append(obj)
            paragraphs.append(Paragraph(sents))
        ranked: list[int] = []

        def take_all(infos: list[Any]) -> list[Any]:
            ranked.extend(index[id(i.sentence)] for i in infos)  # infos come best first
            return infos

        summarizer(ObjectDocumentModel(paragraphs), take_all)
        return ranked

    return run


def systems() -> dict[str, Ranker]:
    return {
        "storylens": storylens_system(),
        "lead (round-robin)": lead_round_robin,
        "lexrank (sumy)": sumy_system("lexrank"),
        "textrank (sumy)": sumy_system("textrank"),
        "lsa (sumy)": sumy_system("lsa"),
        "kl-sum (sumy)": sumy_system("kl"),
        "random": random_order,
    }


# ---------------------------------------------------------------- scoring

_SCORERS: dict[tuple[str, ...], Any] = {}


class _LineCachedTokenizer:
    """rouge_score's default tokenizer (lower-case, alphanumerics, Porter stems), memoised per line.

    Tokenising a newline-joined text line by line gives the same tokens (newlines are
    separators anyway); the cache makes the tuning grid ~10x faster.
    """

    def __init__(self) -> None:
        from rouge_score import tokenizers

        self._inner = tokenizers.DefaultTokenizer(use_stemmer=True)
        self._cache: dict[str, list[str]] = {}

    def tokenize(self, text: str) -> list[str]:
        out: list[str] = []
        for line in text.split("\n"):
            if line not in self._cache:
                self._cache[line] = self._inner.tokenize(line)
            out.extend(self._cache[line])
        return out


def _scorer(metrics: tuple[str, ...]) -> Any:
    if metrics not in _SCORERS:
        from rouge_score import rouge_scorer

        _SCORERS[metrics] = rouge_scorer.RougeScorer(list(metrics), tokenizer=_LineCachedTokenizer())
    return _SCORERS[metrics]


def rouge(summary: str, reference: str, metrics: tuple[str, ...] = METRICS) -> dict[str, float]:
    """ROUGE F1 x 100 of `summary` against `reference` (`rouge_score`, stemmed)."""
    scores = _scorer(metrics).score(_sentence_lines(reference), summary)
    return {m: 100 * scores[m].fmeasure for m in metrics}


def _sentence_lines(text: str) -> str:
    """One sentence per line, as ROUGE-Lsum expects (references come as one paragraph)."""
    return re.sub(r"([.!?][\"'”’)]?)\s+(?=[A-Z\"“])", "\\1\n", text.strip())


def evaluate(pairs: list[tuple[dict[str, Any], Story]], ranker: Ranker) -> list[dict[str, float]]:
    out = []
    for cluster, story in pairs:
        chosen = fill(story, ranker(story))
        text = "\n".join(story.sentences[i].text for i in chosen)
        out.append({**rouge(text, cluster["summary"]), "words": len(text.split())})
    return out


def summarise_scores(rows: list[dict[str, float]]) -> dict[str, Any]:
    res: dict[str, Any] = {"n": len(rows)}
    for m in (*METRICS, "words"):
        vals = [r[m] for r in rows]
        lo, hi = bootstrap_ci(vals)
        res[m] = {"mean": round(statistics.fmean(vals), 2), "ci95": [round(lo, 2), round(hi, 2)]}
    return res


# ---------------------------------------------------------------- fitting

def sentence_targets(texts: Sequence[str], reference: str) -> np.ndarray:
    """Per sentence: unigram + bigram precision against the reference (ROUGE tokens, clipped counts)."""
    tok = _scorer(("rouge1",))._tokenizer
    ref = tok.tokenize(reference)
    ref1, ref2 = Counter(ref), Counter(itertools.pairwise(ref))
    out = []
    for text in texts:
        toks = tok.tokenize(text)
        c1, c2 = Counter(toks), Counter(itertools.pairwise(toks))
        p1 = sum(min(v, ref1[k]) for k, v in c1.items()) / max(1, len(toks))
        p2 = sum(min(v, ref2[k]) for k, v in c2.items()) / max(1, len(toks) - 1)
        out.append(p1 + p2)
    return np.array(out)


def regime_weight(story: Story, caseless: bool) -> float:
    """Sample weight of a story when fitting the weights of one case regime."""
    from storylens.summarize.regime import caseless as is_caseless

    return 1.0 if is_caseless(story) == caseless else OTHER_REGIME_WEIGHT[caseless]


def fit(pairs: list[tuple[dict[str, Any], Story]], caseless: bool = False,
        alpha: float = 1.0) -> dict[str, tuple[float, float, float]]:
    """Ridge regression of the per-story-centred sentence targets on the standardised features.

    Only ever called on the tune half. Stories of the other case regime count `OTHER_REGIME_WEIGHT`.
    Returns {feature: (mean, scale, coef)}, coefficients in units of the target's standard
    deviation, ready to paste into `storylens/summarize/weights.py`.
    """
    from sklearn.linear_model import Ridge

    from storylens.summarize.features import NAMES, features
    from storylens.summarize.support import find_support

    xs, ys, ws = [], [], []
    for cluster, story in pairs:
        feats = features(story, find_support(story))
        if not feats.cands:
            continue
        y = sentence_targets([s.text for s in feats.cands], cluster["summary"])
        xs.append(feats.matrix)
        ys.append(y - y.mean())
        ws.append(np.full(len(y), regime_weight(story, caseless)))
    x, y, w = np.vstack(xs), np.concatenate(ys), np.concatenate(ws)
    mean = np.average(x, axis=0, weights=w)
    scale = np.sqrt(np.average((x - mean) ** 2, axis=0, weights=w)) + 1e-9
    model = Ridge(alpha=alpha).fit((x - mean) / scale, y, sample_weight=w)
    coef = model.coef_ / np.sqrt(np.average(y ** 2, weights=w))
    return {n: (round(float(m), 6), round(float(s), 6), round(float(c), 6))
            for n, m, s, c in zip(NAMES, mean, scale, coef, strict=True)}


def fit_tokens(pairs: list[tuple[dict[str, Any], Story]], caseless: bool = False) -> tuple[dict[str, float], float]:
    """Poisson regression of each story word's count in the reference on its coverage features.

    Only ever called on the tune half; stories of the other case regime count `OTHER_REGIME_WEIGHT`.
    Returns ({feature: coef}, intercept) for `weights.py`.
    """
    from sklearn.linear_model import PoissonRegressor

    from storylens.summarize.coverage import TOKEN_NAMES, token_features, tokens

    xs, ys, ws = [], [], []
    for cluster, story in pairs:
        vocab, matrix = token_features(story)
        ref = Counter(tokens(cluster["summary"]))
        xs.append(matrix)
        ys.extend(ref[w] for w in vocab)
        ws.extend([regime_weight(story, caseless)] * len(vocab))
    model = PoissonRegressor(alpha=1e-4, max_iter=1000).fit(
        np.vstack(xs), np.array(ys, dtype=float), sample_weight=np.array(ws))
    coef = {n: round(float(c), 6) for n, c in zip(TOKEN_NAMES, model.coef_, strict=True)}
    return coef, round(float(model.intercept_), 6)


# ---------------------------------------------------------------- main

def main() -> None:
    fit_only = options(__doc__, ("--fit", "fit the scorer and coverage weights on the tune halves; print them")).fit
    is_smoke = smoke()
    if fit_only:
        pairs = [p for key in FILES for p in load(key) if split_of(p[0]["id"]) == "tune"]
        for caseless, suffix in ((False, ""), (True, "_CASELESS")):
            print(f"WEIGHTS{suffix}: dict[str, tuple[float, float, float]] = {{")
            for name, values in fit(pairs, caseless).items():
                print(f"    {name!r}: {values},")
            coef, intercept = fit_tokens(pairs, caseless)
            print(f"}}\nTOKEN_INTERCEPT{suffix} = {intercept}\nTOKEN_WEIGHTS{suffix}: dict[str, float] = {{")
            for name, value in coef.items():
                print(f"    {name!r}: {value},")
            print("}")
        return
    data: dict[str, Any] = {"budget_words": BUDGET, "smoke": is_smoke, "files": {}}
    md = [
        "# Summaries: ROUGE F1 on Multi-News samples\n",
        (f"Same sentences and same {BUDGET}-word budget for every system (whole sentences, in each system's "
         "rank order). `rouge_score` F1 with stemming; it reads ~1 point below the original ROUGE-1.5.5. "
         "ROUGE-Lsum splits the reference into sentences with a regex. The scorer's weights were fitted on "
         "the **tune** halves only (cluster-id hash); **held-out** was never used for fitting or choices.\n"),
        _scorer_section(),
    ]
    for key in (["test-250"] if is_smoke else FILES):  # smoke: 5 short clusters, to stay well under a minute
        pairs = load(key, limit=5 if is_smoke else None)
        halves = {"all": pairs} if is_smoke else {
            "tune": [p for p in pairs if split_of(p[0]["id"]) == "tune"],
            "heldout": [p for p in pairs if split_of(p[0]["id"]) == "heldout"],
        }
        scores = {half: {name: evaluate(subset, ranker) for name, ranker in systems().items()}
                  for half, subset in halves.items()}
        if not is_smoke:
            scores["all"] = {name: scores["tune"][name] + scores["heldout"][name] for name in scores["tune"]}
        data["files"][key] = {}
        for half, by_system in scores.items():
            table = {name: summarise_scores(rows) for name, rows in by_system.items()}
            data["files"][key][half] = table
            n = len(next(iter(by_system.values())))
            md.append(_table(f"{FILES[key]} — {half} ({n} clusters)", table))
    md.insert(3, _goal_status(data))
    write_results("summaries", data, "\n".join(md))
    print("\n".join(md))


def _table(title: str, table: dict[str, Any]) -> str:
    ours = table["storylens"]
    lines = [f"\n## {title}\n",
             "| system | R-1 (95% CI) | R-2 (95% CI) | R-Lsum (95% CI) | words | storylens R-1 ratio |",
             "|---|---|---|---|---|---|"]
    for name, res in table.items():
        cells = [f"{res[m]['mean']:.2f} [{res[m]['ci95'][0]:.2f}, {res[m]['ci95'][1]:.2f}]" for m in METRICS]
        ratio = ours["rouge1"]["mean"] / res["rouge1"]["mean"] if res["rouge1"]["mean"] else float("nan")
        lines.append(f"| {name} | {' | '.join(cells)} | {res['words']['mean']:.0f} | {ratio:.3f} |")
    lead = table["lead (round-robin)"]
    gain = ours["rouge1"]["mean"] - lead["rouge1"]["mean"]
    sumy = {n: r for n, r in table.items() if "sumy" in n}
    best1 = max(sumy.values(), key=lambda r: r["rouge1"]["mean"])["rouge1"]["mean"] if sumy else float("nan")
    best2 = max(sumy.values(), key=lambda r: r["rouge2"]["mean"])["rouge2"]["mean"] if sumy else float("nan")
    lines.append(
        f"\nstorylens − lead: R-1 {gain:+.2f}, R-2 {ours['rouge2']['mean'] - lead['rouge2']['mean']:+.2f} "
        f"(goal R-1 ≥ +2.5: {'met' if gain >= 2.5 else 'not met'}); storylens R-1 CI low "
        f"{ours['rouge1']['ci95'][0]:.2f} vs lead mean {lead['rouge1']['mean']:.2f} "
        f"({'no overlap' if ours['rouge1']['ci95'][0] > lead['rouge1']['mean'] else 'overlaps'}); "
        f"over the best sumy method: R-1 {ours['rouge1']['mean'] - best1:+.2f}, R-2 {ours['rouge2']['mean'] - best2:+.2f}."
    )
    return "\n".join(lines)


def _scorer_section() -> str:
    """The fitted feature weights, so a reader can see what the scorer relies on."""
    from storylens.summarize.ranking import SHORT_STORY, Settings
    from storylens.summarize.weights import (
        TOKEN_INTERCEPT,
        TOKEN_INTERCEPT_CASELESS,
        TOKEN_WEIGHTS,
        TOKEN_WEIGHTS_CASELESS,
        WEIGHTS,
        WEIGHTS_CASELESS,
    )

    cfg = Settings()
    lines = [
        "## Scorer\n",
        ("Ridge regression (scikit-learn, alpha 1) of each candidate sentence's unigram + bigram ROUGE precision "
         "against the reference, centred per story, on the standardised features below; fitted with "
         "`python bench/summaries.py --fit` on the tune halves (183 clusters) and pinned in "
         "`src/storylens/summarize/weights.py`, one set per case regime: a story whose sentences have under 1 % "
         "of mid-sentence words capitalised is *caseless* (all of test-250; none of fulltext-99, whose lowest "
         "story is 2.9 %); cased text uses weights fitted on the cased tune stories alone (45 clusters), caseless "
         "text the fit on all 183 (see what was tried). Coefficients are per standard deviation of the feature, in "
         "units of the target's standard deviation. Selection: every word of the story gets an expected count "
         "in a reference summary from a Poisson regression over case-blind word features (uses, share of "
         "articles using it, earliest position, lead sentences, stop word), fitted by the same command on the "
         "same tune halves. The summary is chosen exactly, as an integer program (Gillick & Favre 2009; "
         "`scipy.optimize.milp`, HiGHS, "
         f"at most {cfg.node_limit} branch-and-bound nodes, so the result does not depend on the machine's speed; "
         "a solve that hits it falls back to the greedy loop; fulltext-99's stories need at most 418): the sentences within the budget that maximise the expected words covered "
         "(each word counted up to its expected count, so a word expected twice earns twice) plus "
         f"{cfg.sentence_weight:g} × ridge score × words, among the {cfg.pool} best candidates by the greedy's "
         "opening value, no two that the duplicate bars below keep apart. Any budget left is filled greedily: MMR "
         f"(redundancy {cfg.redundancy} × max cosine to the chosen sentences) plus a word-coverage gain "
         f"({cfg.coverage} × the expected summary words a sentence still adds, per word of budget; words already "
         "covered by chosen sentences earn nothing more); the same loop is the whole selection when the solver "
         "returns nothing. No two "
         f"sentences with cosine ≥ {cfg.duplicate_cosine} or ≥ {cfg.duplicate_overlap:.0%} shared content words "
         f"(containment; {cfg.fill_overlap:.0%} when filling a budget left over), none that another source's "
         "chosen sentence already says; whole sentences packed to the budget (an overflowing sentence is "
         "skipped for a shorter one). Only sentences that open on a reference back (\"He said\", \"This\") or "
         "end on a bare pointer are held back as a fallback, and only when the candidates total at least "
         f"{SHORT_STORY:g} budgets (a shorter story's summary holds half of it or more); sentences cut off mid-way "
         "(no end punctuation, or a trailing '...') are a fallback in every story. The brief's default summary (220 words) uses the "
         "same scorer.\n"),
        "| feature | coefficient (cased) | coefficient (caseless) |", "|---|---|---|",
    ]
    for name, (_, _, coef) in sorted(WEIGHTS.items(), key=lambda kv: -abs(kv[1][2])):
        lines.append(f"| {name} | {coef:+.3f} | {WEIGHTS_CASELESS[name][2]:+.3f} |")
    lines += [("\nCoverage model (log expected count of a word in the reference; features unstandardised, "
               f"intercept {TOKEN_INTERCEPT:+.3f} cased, {TOKEN_INTERCEPT_CASELESS:+.3f} caseless):\n"),
              "| word feature | coefficient (cased) | coefficient (caseless) |", "|---|---|---|"]
    for name, coef in sorted(TOKEN_WEIGHTS.items(), key=lambda kv: -abs(kv[1])):
        lines.append(f"| {name} | {coef:+.3f} | {TOKEN_WEIGHTS_CASELESS[name]:+.3f} |")
    lines.append(
        "\n**What was tried** (all choices on the tune halves only; figures are storylens − lead R-1, "
        "fulltext-99 / test-250). Before the fitted scorer (hand-tuned weights, standalone sentences only): "
        "+1.56 / +0.52 on tune (+1.87 / +0.24 held-out). Releasing the standalone-only rule: +0.66 / +0.30; the "
        "fitted ridge weights +0.22 / +0.88 on top; a 50 % word-overlap duplicate bar +0.31 / +0.08 "
        "(that scorer: +2.72 / +1.87 tune, +3.01 / +1.09 held-out). "
        "Then the word-coverage term, chosen by 5-fold cross-validation inside the tune halves (token model "
        "refitted per fold): +3.69 / +2.11 (ridge scores alone, same folds: +2.48 / +1.74); with it, the 50 % "
        "overlap bar under-fills the budget, so it is back to 70 % (50 %: +3.54 / +1.97). Coverage weight 1 / 3 / "
        "6 (50 % bar): +3.30 / +3.46 / +3.39 on fulltext-99 with a gradient-boosted token model (test-250 flat, +1.94-1.96); "
        "the linear Poisson model with interaction features matched it within 0.2 and is what is pinned. "
        "Tried and dropped (within noise or worse): extra sentence features (share of alphanumeric tokens, "
        "content-word density, ends on terminal punctuation, opens in lower case: ≤ +0.1), gradient boosting or "
        "pairwise interactions in the sentence scorer (CV: −1.0 to +0.2), fitting on matches per budget word "
        "instead of precision (−0.1) or on content-word matches per budget word (CV −0.8 / −0.6), a second, "
        "bigram coverage term with its own Poisson model (CV, weight 0.5-2: −0.5 to −0.2 / +0.1 to +0.2), token features for sentence frequency / lead share / mean position (0), "
        "length exponent 0.7 / 0.85 / 1.15 on the coverage gain (1 is best), MMR redundancy 0.15-0.6 and "
        "coverage weight 2-5 with the integrated selector (±0.1 on test-250), holding dangling openers back "
        "less (+0.2 test-250 but −0.8 fulltext-99), filling the leftover budget with any sentence that fits "
        "(before coverage: +0.05), coverage of document-frequency-weighted words instead of a fitted model (−0.2 to −1.3), and "
        "earlier: SumBasic / cross-article bigram features, story-size interactions, other targets (R-1 only, "
        "R-1 + 0.5/2 R-2), ridge alpha 10-1000. ROUGE-1/2 do not depend on sentence order; the output is "
        "ordered corroborated-first for reading.\n\n"
        "**Case regimes** (test-250 is lower-cased, so NER, proper-noun and capital-based cues behave "
        "differently there while one pooled fit served both files). The regime is read from the input "
        "(share of capitalised words not right after a sentence or quote boundary; test-250 0.0 % in every "
        "cluster, fulltext-99 2.9-29 %), not from the file. Separate sentence-scorer and coverage-model weights "
        "per regime, the other regime's stories at weight 0 / 0.1 / 0.3 / 0.5 / 1 (pooled), 5-fold CV inside "
        "the tune halves averaged over 3 fold draws: fulltext-99 +3.64 / +3.41 / +3.24 / +3.18 / +3.09, "
        "test-250 +1.94 / +1.96 / +2.02 / +2.04 / +2.04 (a single fold draw had suggested 0.3 for both, "
        "+3.45 / +2.18; the other draws did not repeat it). Kept: cased weights from the cased stories alone, "
        "caseless weights = the pooled fit. Pinned, against the pooled fit: fulltext-99 tune +4.03 -> +3.46 "
        "(in-sample; CV says +0.55), held-out +4.26 -> +4.91; test-250 unchanged within 0.05 (it uses the "
        "pooled weights; the coverage model's refit moved it by that much). So the lower-cased regime gains "
        "nothing from its own weights: what limits test-250 is not a casing cue the scorer misreads. "
        "Sentence splits on lower-cased text: test-250 sentences average 21.1 words (fulltext-99 18.7), 8.0 % "
        "over 40 words (4.5 %), 1.4 % over 60 (0.4 %); 2.5 % end on an abbreviation the re-capitalisation "
        "split after (\"gov.\", \"dr.\", \"u.s.\"; 0.4 % in fulltext-99). The long ones read as genuinely long "
        "sentences or a headline run into the lead (the dataset dropped the newlines), with no clause mark to "
        "split at as an exact source span, and budget packing already reaches 253 of 260 words. Two probes "
        "(pinned weights, no refit; entity counts left out of both sides): splitting sentences over 40 words at "
        "clause marks (semicolon, dash, \", which / who / but / while ...\"; exact sub-spans, pieces of >= 8 "
        "words) test-250 tune +1.97 -> +1.82 (fulltext-99 tune +3.66 -> +3.43); re-joining splits after an "
        "abbreviation +1.97 -> +1.99 (fulltext-99 −0.13). Neither kept. What did move test-250 is not casing "
        "but story size: its clusters are under two budgets of candidate words, and holding dangling openers "
        "back there only costs content. Releasing them when the candidates total < 2 budgets (5-fold CV, "
        "3 fold draws, regime weights refitted per fold): test-250 +2.04 -> +2.34, fulltext-99 +3.64 -> +3.52 "
        "(a few of its stories are that short; < 2.5 or 3 budgets +3.49, never holding back +3.38). Kept; "
        "pinned: test-250 tune +2.03 -> +2.27, held-out +1.65 -> +1.73; fulltext-99 +3.46 -> +3.41 / "
        "+4.91 -> +4.98. "
        "Also letting every sentence of >= 4 words be a candidate in such short stories (questions, fragments, "
        "over-long ones): +0.03 on test-250 tune (pinned weights); dropped.\n\n"
        "**Packing and small stories** (5-fold CV inside the tune halves with scorer and coverage model refitted "
        "per fold; 3 or 8 fold draws; figures are storylens − lead R-1 on the tune halves, test-250 / fulltext-99, "
        "against +2.33 / +3.52 for the current selector on the same 3 draws; d = paired change with a 90 % "
        "bootstrap interval over stories). Where test-250's words go unused (252 of 260 against lead's 258): "
        "8.1 words left per summary on average (median 5); in 125 of its 138 tune stories no unchosen candidate "
        "is short enough for what is left, in 11 one is but the duplicate bars hold it back, in 2 the candidates "
        "total under 260 words. So adding never fires, and filling means swapping. A final swap step (drop up "
        "to one chosen sentence, add one or two that fit, duplicate bars kept) fills to 257 words but loses: "
        "chosen by expected coverage +2.16 / +3.21, by ridge score × words + coverage +2.25 / +3.40, one for "
        "one +2.25 / +3.42, only when ≥ 10 words are left d −0.05 / +0.03 (8 draws); choosing the swap by the "
        "true ROUGE (an oracle, one draw) would reach +3.84 on test-250 (that draw: +2.42), so the headroom is in knowing which "
        "sentence is better, not in packing. Dropping chosen sentences while a coverage-based F1 estimate "
        "rises: d −0.87 / −0.31. Duplicate bars in stories under 2 budgets: cosine 0.85 / 0.9 −0.01, overlap "
        "0.8 / 0.9 −0.02 / +0.01, both 0.9 −0.01, cosine 0.75 −0.13, no looser fill bar +0.02 (8 draws). MMR "
        "redundancy 0.7 instead of 0.3 in stories under 2 budgets (their summary holds over half the story, "
        "so what is left often retells chosen facts in other words): d +0.15 [+0.01, +0.31] on test-250 "
        "(0.5 / 0.6 / 0.8 / 1.0: +0.07 / +0.14 / +0.16 / +0.12; R-2 +0.23), fulltext-99 +0.02, 8 draws; "
        "pinned, test-250 tune +2.27 -> +2.57 but held-out +1.74 -> +1.44 (d −0.30 [−0.60, +0.01], R-2 −0.21): "
        "not kept (the held-out half was read once for this decision). Also dropped: coverage counted as "
        "expected matches under a Poisson reference count (E min(uses, count)) at weight 2 / 3 / 4 / 6: "
        "+2.18 / +2.29 / +2.32 / +2.38 and +3.27 / +3.57 / +3.53 / +3.51; expected counts scaled × 0.6-1.6 "
        "(weight kept or compensated): d −0.23 to +0.05 / −0.48 to −0.06; scores standardised per story: d "
        "−0.12 to −0.44; coverage weight 2 / 4.5 in stories under 2 budgets: d −0.12 / +0.03; Porter stems "
        "(ROUGE's stemmer) instead of the plural fold for coverage words, token model refitted: +2.35 / +3.55 "
        "(a hand suffix fold +2.37 / +3.46); the sentence embedding (minus the story mean) as extra ridge "
        "inputs: d −0.02 to −0.08 / −1.3 to −1.7 (4 draws). test-250's articles are cut mid-sentence (322 of "
        "its tune articles end without end punctuation, and 147 of the 1,703 chosen sentences, 8.6 %, are "
        "such cut-off ends); holding them back costs R-1 (as fallback −0.06, penalty 0.1-1 −0.04 to −0.11, "
        "dropped −0.28). Shipped anyway, for the reader, not the metric: a summary that quotes a sentence "
        "cut off mid-way ('federal data suggests 54% of adults are...') reads as broken, and feeds and "
        "roundups hand storylens such excerpts. Cut-off sentences (no end punctuation, or a trailing "
        "'...' / '…') are a fallback in every story, short ones included; pinned weights, no refit: "
        "test-250 tune +2.27 -> +2.05, fulltext-99 tune +3.41 -> +3.56 (decided here); held-out, read after "
        "deciding: test-250 +1.73 -> +1.95, fulltext-99 +4.98 -> +4.93. Then tried: leaving cut-off sentences "
        "out of a small story altogether (its whole sentences under 1.5 or 1.2 budgets, as three 90-word feed "
        "excerpts are; a NeuS brief ended on '... and Joe Manchin...'): test-250 tune +2.40 -> +2.37 / +2.38 "
        "(held-out +2.11 -> +2.04 / +2.04), fulltext-99 unchanged; not kept. Then, for the reader again: the end "
        "of a quotation opened in an earlier sentence ('We have to fund the government and pay our bills.\u201d', "
        "whose speaker the summary would not give) is a fallback like a dangling opener (`text.orphan_quote_end`): "
        "fulltext-99 tune +3.72 -> +3.65 (held-out, read after deciding, +5.50 -> +5.43), test-250 unchanged "
        "(lower-cased, no curly quotes); kept. And a sentence speaking as 'I' or 'we' outside any quotation, with "
        "no one said to say it (the middle of a quotation, 'I ask that you continue to pray for my family', or the "
        "writer's own voice, 'in all honesty, we didn\u2019t search too hard'), is a fallback too "
        "(`text.unattributed_first_person`): fulltext-99 tune +3.65 -> +3.88 (held-out, read after deciding, "
        "+5.43 -> +5.52), test-250 unchanged; kept. And a quotation whose only speaker is a pronoun "
        "('\u201cIt was an easy decision to receive a booster,\u201d he continued.', which a QA brief placed after "
        "sentences about another man: a misattribution) is a fallback too (`text.dangling`): fulltext-99 tune "
        "+3.88 -> +3.75 (held-out, read after deciding, +5.52 -> +5.32), test-250 unchanged; kept for the reader, "
        "not the metric. Then, from a QA brief that summarised an archive's crawl notice ('Starting in 1996, Alexa "
        "Internet has been donating their crawl data to the Internet Archive.'): a source the brief's strays check "
        "names (`stories.strays`: it may report another story, as the dataset's archive notices, Twitter error "
        "pages and promo pages do) is left out of the summary, and the brief's notice says so; not tuned (the bar "
        "is the one bench/strays.py chose on its dev halves): fulltext-99 tune +3.75 -> +4.51, test-250 tune "
        "+2.40 -> +2.65 (decided here); held-out, read after deciding, +5.32 -> +5.39 and +2.11 -> +2.29. Then, "
        "for the reader, not the metric: in a story under 1.5 budgets (its summary holds most of it) a piece of "
        "a quotation over several sentences (its opening '\u201cIt won\u2019t be difficult for me.', its end, or "
        "an unattributed middle: 'Everyone who has known my career ... knows that I have very high ethical "
        "standards', from a NeuS summary of three short excerpts) is left out instead of kept for last "
        "(`text.quotation_piece`): fulltext-99 tune +4.51 -> +4.41, test-250 tune +2.65 -> +2.44 (decided "
        "here); held-out, read after deciding, fulltext-99 +5.39 -> +5.39, test-250 +2.29 -> +2.03. Tried with it and dropped: leaving cut-off "
        "sentences out of such stories too (test-250 tune a further -0.30, to +2.08 with both rules) and holding "
        "a quotation's opening back as a fallback in every story (fulltext-99 tune -0.23).\n\n"
        "**Exact selection** (5-fold CV inside the tune halves, 3 fold draws, scorer and coverage model "
        "refitted per fold; figures are storylens − lead R-1 on the tune halves, test-250 / fulltext-99, against "
        "+2.15 / +3.40 for the greedy selector on the same draws; d = paired change with a 90 % bootstrap "
        "interval over stories). The concept-coverage integer program of Gillick & Favre (2009) in place of "
        "greedy selection: the sentences within the budget that maximise the expected words covered plus a "
        "weight × ridge score × words, duplicate bars as pairwise constraints x_i + x_j ≤ 1, over the 30 best "
        "candidates by the greedy's opening value (fallback sentences stay out), solved with "
        "`scipy.optimize.milp` (HiGHS) under a 1 s limit, any budget left filled by the greedy loop. Each word "
        "counts up to its expected count (min(uses, expected): concave, a word expected twice earns twice). "
        "Score weight 0 / 0.05 / 0.1 / 0.15 / 0.2 / 0.4: +2.28 / +2.38 / +2.45 / +2.31 / +2.25 / +2.16 and "
        "+3.61 / +3.49 / +3.82 / +3.89 / +3.91 / +3.68 (a first version that filled the leftover budget with "
        "any sentence that fits); kept 0.1: as shipped +2.41 (d +0.26 [−0.08, +0.59]) / +3.87 (d +0.47 "
        "[−0.06, +1.06]), summaries fill 257 of 260 words (greedy 254). Dropped: words as binary concepts weighted by "
        "their expected count (the paper's form: a word counts once) +2.28 / +3.39, or each capped at one use "
        "+2.32 / +3.51; no duplicate constraints (coverage alone against repeats) +2.23 / +3.78; the paper's "
        "bigram concepts (used by ≥ 2 articles, not all stop words, weight β × share of articles) on top of "
        "the words, β 0.5 / 1 / 2: +2.33 / +2.29 / +2.27 and +4.08 / +3.93 / +3.82; a constant per chosen "
        "sentence of −1 / −0.3 / +0.3 / +1 expected words: +2.23 / +2.32 / +2.29 / +2.30 and +3.99 / +3.97 / "
        "+3.61 / +3.32; expected counts × 0.75 / × 1.3: +2.25 / +2.15 and +4.02 / +4.03; duplicate bars "
        "overlap 0.6 / 0.8, cosine 0.75 / 0.85: +2.44 / +2.42 / +2.34 / +2.41 (within noise of 0.7 / 0.8); "
        "a pool of 20 / 50 candidates: +2.45 / +2.45 and +3.73 / +3.98 (test-250 stories have fewer; the "
        "solver's time grows fast with the pool, so 30). Pinned weights, no refit: test-250 tune +2.05 -> +2.40, "
        "fulltext-99 tune +3.56 -> +3.70 (decided here); held-out, read once after deciding: test-250 +1.95 -> "
        "+2.11, fulltext-99 +4.93 -> +5.50. Citations (`bench/citations.py`): 98.0 % / 98.8 % supported "
        "(fulltext-99 / test-250; were 98.2 % / 98.9 %), quotes exact 100 %. Time: the greedy loop now drops "
        "sentences that no longer fit at once (same output on both files' stories at 220 and 260 words) instead "
        "of a coverage pass each; with the solver, summarize on bench/speed.py's stories, old vs new "
        "interleaved on a busy machine: 50 articles 0.78 -> 0.70 s (best of 5), 200 articles 6.2 -> 3.0 s "
        "(best of 3). The demo brief's summary: 11 sentences, 3 citing several sources (was 12, 5).\n"
    )
    return "\n".join(lines)


def _goal_status(data: dict[str, Any]) -> str:
    """The issue's goal (R-1 ≥ lead + 2.5, CI clear of the lead mean), read off the tables below."""
    parts = []
    for key, halves in data["files"].items():
        cells = []
        for half in [h for h in ("tune", "heldout") if h in halves] or ["all"]:
            ours, lead = halves[half]["storylens"]["rouge1"], halves[half]["lead (round-robin)"]["rouge1"]
            gain = ours["mean"] - lead["mean"]
            ok = gain >= 2.5 and ours["ci95"][0] > lead["mean"]
            cells.append(f"{half} {gain:+.2f} ({'met' if ok else 'not met'})")
        parts.append(f"{key}: " + ", ".join(cells))
    return (
        "\n**Goal status** (storylens − lead R-1 ≥ +2.5 with the CI low above the lead mean): "
        + "; ".join(parts)
        + ". test-250's clusters are ~450 words of truncated, lower-cased text, so a 260-word summary holds "
        "most of them (random order beats lead there) and the headroom is small: ranking candidates by their "
        "true per-sentence ROUGE precision (an oracle) with the selector before coverage reaches lead + 3.5 on "
        "its tune half. Fitting separate weights for lower-cased text (case regimes, above) did not move it; "
        "releasing dangling openers in stories under two budgets did (+0.3 in tune CV), not to +2.5. Filling "
        "the budget by swapping sentences and looser duplicate bars in short stories lost in tune CV; a stronger "
        "redundancy penalty there gained in tune CV (+0.15) but lost on held-out (−0.30); none is kept "
        "(packing and small stories, above). Holding cut-off sentences back, kept for readability, costs "
        "test-250 tune 0.22 (what was tried, above). Choosing the summary exactly (a concept-coverage integer "
        "program) instead of greedily gained in tune CV (+0.26 test-250, +0.47 fulltext-99) and is kept "
        "(test-250 held-out +1.95 -> +2.11). Leaving a source of another story out of the summary (what was "
        "tried, above) lifted test-250 to tune +2.65, held-out +2.29; leaving pieces of quotations out of small "
        "stories, for the reader, took back part of it (what was tried, above). A sentence an excerpt ends with "
        "'...' is no candidate at all since 2026-12-06 (QA briefs of NeuS roundups quoted '... who received the "
        "Moderna or Johnson...'; cut-offs without the marks stay a fallback), and a wire dateline is left out of "
        "a summary sentence's quote (the scores read the whole sentence): fulltext-99 +4.41 / +5.39 unchanged, "
        "test-250 tune +2.44 -> +2.42, held-out +2.03 -> +2.06 (the baselines read the same candidates and moved "
        "by as little); then sentences in which the writer speaks of the article ('Here's a look at what's "
        "happening, and why, ahead of the deadline', 'This story has been updated') left out: fulltext-99 held-out "
        "+5.39 -> +5.41, test-250 held-out +2.06 -> +2.08, tune halves unchanged. Tried the same evening and "
        "dropped: every piece of a quotation without its speaker (and a whole quotation with none named) as a "
        "fallback in stories of any size, as every QA reading asked: fulltext-99 tune +4.41 -> +3.95, held-out "
        "+5.41 -> +4.86, test-250 tune +2.42 -> +2.30, held-out +2.08 -> +1.45 (its CI then overlaps the lead): "
        "quotations carry much of what the references say. 2026-12-07: this bench's cached stories are keyed by "
        "the nlp stage's code now; the runs of 2026-12-06 evening had read stories split before that day's title "
        "component (no sentence start after 'Pres.', 'Sens.' ...). Rebuilt on this code (that component and one "
        "keeping a lawmaker's party tag '(R-W.Va.)' in its sentence): fulltext-99 tune +4.41 -> +4.39, held-out "
        "+5.41 -> +5.30; test-250 tune +2.42 -> +2.45, held-out +2.08 -> +2.08. Reported speech whose only speaker "
        "is a pronoun ('All the victims were out of surgery, he said.', a QA summary) is a fallback like a quoted "
        "one: no summary of either file changed (two runs on the same stories, with and without it). Opinion "
        "pieces (`clean.genre`) are left out of the summary; these files carry no addresses. Later that day, for "
        "the reader, from QA round 11 (decided before measuring; each run on the same cached stories): the "
        "opening of a quotation over several sentences ('“I couldn’t take it any more.', its speaker named later) "
        "is a fallback in every story, as its end is (a run of the code before it, in a worktree, read the "
        "figures above exactly; with it fulltext-99 tune +4.39 -> +4.32, held-out +5.30 -> +5.18, test-250 "
        "unchanged: last session's -0.23 for the same rule was read on other sentence splits); then what the page "
        "shows next ('Here's the official email T-Mobile sent ...', '... at the link below') and a sentence "
        "ending on ':' are no candidates, and two sentences giving the same figures and sharing a word besides "
        "('Inflation rose 5% in the 12 months ending in May' / 'The consumer price index rose 5% in May ...', "
        "which a QA summary told twice) are duplicates (`text.same_figures`): together fulltext-99 tune +4.32 -> "
        "+4.48, held-out +5.18 -> +5.30, test-250 tune +2.45 -> +2.41, held-out +2.08 -> +2.20; kept. "
        "2026-12-07, morning (QA round 13, nothing tuned here): in cased text a word in lower case opens no "
        "sentence and initials before a name end none ('... Mother's Day | so I would like to ...', 'H.R. | "
        "Haldeman'); stories rebuilt: fulltext-99 tune +4.48 -> +4.54, held-out +5.30 -> +5.28. A first version "
        "read test-250's articles (lower case but for sentence openings) as cased and glued their sentences "
        "(test-250 sentences 2,597 -> 2,346; tune +2.41 -> +2.71, held-out +2.20 -> +2.21): a rule misapplied, "
        "not a gain, so such articles now keep the parser's sentences (`nlp.models.CASELESS`): test-250 tune "
        "+2.41, held-out +2.15. The summary's citations are narrower now (a source is cited only when its "
        "sentence states the shown one's figures, days and names: citations.md); the sentences chosen are the "
        "same. The figures in the tables are this run's. "
        "2026-12-07, late morning (QA round 14, nothing tuned here): a sentence that is only a quotation, with no "
        "word outside it, waits like a sentence opening on 'he' ('\"We may be talking about Officer Hernandez as a "
        "survivor.\"', a union leader's hypothetical, read alone in a QA summary as news that the officer who died "
        "may have survived: whose words they are, the summary cannot say). It costs ROUGE: fulltext-99 tune +4.54 "
        "-> +4.44, held-out +5.28 -> +4.69 (37 of 99 clusters change, from -7.3 to +5.1 each; bare quotations a "
        "reference summary paraphrases scored), test-250 unchanged (+2.41 / +2.15); kept, the goal still met on "
        "full text, because a reader cannot weigh words whose speaker the summary does not give. Then (QA round "
        "15) a sentence speaking as 'me' with no one said to say it waits too (an oral history's 'Getting fired "
        "from the talk show was the real turning point for me.' had titled a brief): fulltext-99 tune +4.44 -> "
        "+4.47, held-out +4.69 -> +4.81, test-250 +2.41 / +2.16; 'us' was tried with it and dropped (test-250 "
        "-0.02 / -0.03: in a lower-cased article 'us' is the country). "
        "2026-12-07, afternoon (QA rounds 16 and 17, nothing tuned here; each figure a run on the same cached "
        "stories, fulltext-99 tune / held-out, test-250 tune / held-out): the middle of a quotation carries no "
        "quotation mark ('\" she was terminated from the program. This was one of the terms of her probation. So we "
        "will seek jail time, \" said frank mateljan', whose middle sentence a QA summary gave as the story's fact). "
        "Left out of every summary, such middles cost +4.58 / +4.81, +2.45 / +2.04 (without the rule, on that code) "
        "-> +4.49 / +4.49, +1.67 / +1.18: test-250 puts whole articles in one paragraph of spaced quotation marks, "
        "and its held-out CI then overlapped the lead. So the speaker is read instead (`text.quotation_speaker`: the "
        "name after the closing mark, '\" said frank mateljan', or before the opening one, 'The mayor said: \"'), "
        "the sentence is shown as that speaker's words (`SummarySentence.speaker`), and only a middle whose speaker "
        "the paragraph does not name (or names by a pronoun) is left out: +4.59 / +4.76, +2.36 / +1.91. Then the "
        "same for the pieces and whole quotations that waited as fallbacks since rounds 11 and 14 (their opening, "
        "their end, a quotation alone): with a named speaker they wait no longer: +4.43 / +5.24, +2.46 / +1.92 "
        "(tune halves -0.16 / +0.10: mixed, kept for the reader, who now sees whose words they are; held-out read "
        "after deciding). A demonstrative standing for a noun said before ('Bids for that are currently around the "
        "$11,000 mark.') waits like a dangling opener: fulltext-99 tune +4.39 -> +4.43, the rest unchanged. Against "
        "the start of these rounds (+4.47 / +4.81, +2.41 / +2.16), the rest of test-250's held-out loss (about 0.1) "
        "came with the sentence splitter's clock rule (a day or time zone after 'a.m.' opens no sentence, 'Around "
        "11:30 a.m. | Wednesday, four people were shot'), which changes test-250's sentences and the baselines' too; "
        "it was not pinned down further. The figures in the tables are this run's. "
        "2026-12-07, evening (QA rounds 18 to 21, nothing tuned here): rules a reader needs, each from a QA brief "
        "and rebuilt as a test; none aimed at the metric. A lower-cased wire dateline ('Peshawar, pakistan ( ap ) "
        "-') is no summary text; a highlights box's label with no dateline to end it ('Story highlights children "
        "...') is cut alone; a long paragraph a media label only opens ('Media playback is unsupported on your device "
        "media caption ...') keeps its story (a test-250 source had been lost whole as a caption); a pronoun subject "
        "right after a short opening phrase ('In a statement, it said ...') leans back like 'He said'; a speaker "
        "known only as someone's ('my mother-in-law') names no one; a wire photo's caption run into the text ('In "
        "this friday, dec. 21, 2012 image made from video, ...') is no candidate; an insertion in brackets after a "
        "word opens no sentence. A run midway through the rounds read fulltext-99 tune +4.43 -> +4.38, held-out "
        "+5.24 -> +5.39, test-250 +2.46 / +1.92 unchanged; the tables are the final run. "
        "2026-12-07, late evening (QA rounds 22 to 26, nothing tuned here): the clause before an excerpt's cut "
        "(`Sentence.clipped`, a sentence with no end mark of its own) is never a candidate; a reporter's unanswered "
        "request ('Team Britney didn't comment on the video.') is none; the page's note on its versions ('The year "
        "was wrong in an earlier version of this story.') is none; a source that may report another story backs "
        "no candidate's agreement features; cleaning cuts a lone 'Photo' before a flattened story ('Photo zynga, "
        "...'), a 'Story continues below' marker and a copyright line run into a paragraph (test-250), and a "
        "statement that opens a list is a candidate again. A run midway through the rounds read fulltext-99 tune "
        "+4.48 -> +4.43, held-out +5.40 unchanged, test-250 +2.48 / +1.94 unchanged; the tables are the final run. "
        "2026-12-07, night (QA rounds 27 to 30, nothing tuned here): encoder batches of 48 sentences instead of 16 "
        "(for speed: bench/speed.py) read every summary of both files identically on a full rerun; the Internet "
        "Archive's Alexa crawl-data notice (the whole of five fulltext-99 and two test-250 sources) is cut as a web "
        "archive notice, 'esp.', 'approx.' and the like end no sentence, and ranks of other forces ('Col. Inf.', "
        "'Snr. Comr.') neither; two lower-case sentences glued at a full stop ('... restaurant.sonia ulrich ...', "
        "about 60 places in test-250) are parted; a summary sentence's citations no longer need the day a statement "
        "was made ('officials announced Saturday'); the tables are the final run. "
        "2026-12-07, late (QA rounds 31 to 38, nothing tuned here): HTML character references left in a page's text are "
        "read as their characters (51 in test-250's sources), lower-case sentences glued before a two-letter opener "
        "('... the investigation.we've learned') are parted, no sentence ends on a conjunction or a preposition, "
        "'dept.' before 'of' and ranks written in lower case end none; an aside wholly in brackets ('(This study has "
        "yet to be peer-reviewed.)') and a step of a sequence ('First, ...', 'Again, ...') lean on the sentence "
        "before; a speaker phrase holding a pronoun or a figure ('In 2011 she') names no speaker; gallery credits, "
        "media pointers in brackets and first-ran credits are cut. The tables are the final run. "
        "2026-12-07/08, night (QA rounds 39 to 44, nothing tuned here): a page's correction, clarification or "
        "editor's note is no summary candidate, all its sentences; the strays check needs three independent "
        "reports; embedded tweets signed at their end, a related article's box ending on its link and a gallery's "
        "controls are cut; ranks and titles written in lower case ('adm.', 'rev.', 'dr.') end no sentence. A run "
        "after round 42 read fulltext-99 held-out +5.30 -> +5.37, the others as before (tune +4.39, test-250 "
        "+2.50 / +1.93). The final run reads test-250 tune +2.50 -> +2.46 (the goal, met there by 0.01 before, "
        "missed by 0.04) and held-out +1.93 -> +1.99; rounds 43 to 45 changed the lower-case titles the sentence "
        "splitter keeps ('rev.', 'dr.', 'mr.', 'mrs.', 'ms.'), whose sentence boundaries the lead baseline shares "
        "(its tune mean 43.60 -> 43.62); nothing was tuned back. The tables are the final run.\n"
    )


if __name__ == "__main__":
    main()
