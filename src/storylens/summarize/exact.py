"""Exact summary selection: the best set of sentences under the budget, solved as an integer program.

Greedy selection (MMR plus a coverage gain, `ranking`) commits to its first pick and can end
with a budget spent on sentences that each looked best at their turn. Following Gillick & Favre
(2009, "A scalable global model for summarization"), the summary is instead chosen at once:

    maximise   sum over words w of  min(uses of w in the summary, expected[w])
             + sentence_weight * sum over chosen sentences i of  score[i] * words[i]
    subject to the word budget, and no two chosen sentences that repeat each other.

`expected[w]` is the coverage model's expected count of w in a reference summary
(`coverage.expected_counts`), so a word expected twice earns twice and a word used beyond its
expectation earns nothing; `score * words` is the fitted relevance (a per-word precision)
spread over the sentence's length. The min is linear with a continuous variable per word; words
only one candidate holds, or that can never reach their cap, fold into that sentence's value.
Only the best `pool` candidates by the greedy's opening value enter the program (the solver's
time grows quickly with it); solved with HiGHS through `scipy.optimize.milp` under a node limit,
and the caller falls back to greedy selection when no optimum comes back.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import csr_matrix, hstack, identity

from storylens.summarize.coverage import word_matrix


def solve(
    units: Sequence[Counter[str]],
    lengths: np.ndarray,
    values: np.ndarray,
    expected: dict[str, float],
    max_words: int,
    clash: Callable[[int, int], bool],
    node_limit: int,
    time_limit: float = 10.0,
) -> list[int] | None:
    """Indices (into `units`) of the best summary, or None when the solver proves no optimum.

    Only a proven optimum is used: a solver stopped by a limit would hand back whatever it had
    found by then, and a brief must not change with the machine's speed. The node limit is the
    real bound (deterministic); the time limit only guards against a pathological program.

    `units[i]`: word counts of candidate i; `values[i]`: its own value apart from coverage;
    `clash(i, j)`: the two may not both be chosen.
    """
    n = len(units)
    matrix, cap = word_matrix(units, expected)
    uses = matrix.tocsc()
    holders = np.diff(uses.indptr)
    linear = (np.asarray(uses.sum(axis=0)).ravel() <= cap) | (holders <= 1)
    # A word that cannot saturate, or that one candidate alone holds, adds min(uses, cap) to that candidate.
    folded = uses[:, linear].tocsr()
    folded.data = np.minimum(folded.data, cap[linear][folded.indices])
    own = values + np.asarray(folded.sum(axis=1)).ravel()
    shared = uses[:, ~linear]
    m = shared.shape[1]
    # Variables: x (n binaries: chosen), then y (m continuous: uses of a shared word that count).
    objective = -np.concatenate([own, np.ones(m)])
    budget = LinearConstraint(csr_matrix(np.concatenate([lengths, np.zeros(m)])[None, :]), -np.inf, max_words)
    counted = LinearConstraint(hstack([-shared.T, identity(m)], format="csr"), -np.inf, 0.0)  # y <= uses
    constraints = [budget, counted]
    pairs = [(i, j) for i in range(n) for j in range(i + 1, n) if clash(i, j)]
    if pairs:
        r = np.repeat(np.arange(len(pairs)), 2)
        c = np.array(pairs).ravel()
        exclusive = csr_matrix((np.ones(len(c)), (r, c)), shape=(len(pairs), n + m))
        constraints.append(LinearConstraint(exclusive, -np.inf, 1.0))
    result = milp(
        objective,
        constraints=constraints,
        integrality=np.concatenate([np.ones(n), np.zeros(m)]),
        bounds=Bounds(np.zeros(n + m), np.concatenate([np.ones(n), cap[~linear]])),
        options={"node_limit": node_limit, "time_limit": time_limit},
    )
    if result.status != 0 or result.x is None:
        return None
    return [int(i) for i in np.flatnonzero(result.x[:n] > 0.5)]


__all__ = ["solve"]
