"""Which member's words a claim is shown in (no models)."""

from __future__ import annotations

import numpy as np

from storylens.claims.align import _shown


def test_a_claim_is_shown_in_the_words_the_other_sources_share() -> None:
    # QA round 11: "More than 50 firefighters tackled the blaze ... at about 2045 GMT on Friday" stood for five sources
    # none of which gave 2045 GMT; the member whose words the others state is shown instead
    texts = [("More than 50 firefighters tackled the blaze at the supermarket, which broke out on the roof at about "
              "2045 GMT on Friday."),
             "Firefighters tackled the blaze at the supermarket on Friday.",
             "The blaze at the supermarket was tackled by firefighters on Friday night."]
    sims = np.full((3, 3), 0.8)
    salience = np.array([0.9, 0.5, 0.5])  # the detailed sentence is the most talked-about
    assert _shown([0, 1, 2], [0, 1, 2], texts, sims, salience) == 1
    assert _shown([0, 1], [0, 1], texts, sims, salience) == 1
    # an opinion piece's member is never shown when a reported one exists, however well covered
    assert _shown([0], [0, 1], texts, sims, salience) == 0
    # members covered alike: the one closest to the rest of the group
    same = ["Firefighters tackled the blaze on Friday.", "On Friday firefighters tackled the blaze.",
            "The blaze was tackled by firefighters on Friday."]
    sims = np.array([[1.0, 0.9, 0.7], [0.9, 1.0, 0.95], [0.7, 0.95, 1.0]])
    assert _shown([0, 1, 2], [0, 1, 2], same, sims, salience) == 1
