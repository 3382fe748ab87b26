"""A dispute over a day lists every source that states that day, also by "today", "yesterday" or a date."""

from __future__ import annotations

from built_stories import story_of

FILLER = "Shares of the company rose in early trading. Analysts said the price was fair. "


def test_sources_stating_a_side_s_day_in_other_words_join_it():
    # QA round 13 (ECB+ HP/EYP): the announcement's conflict showed Monday [3 sources] / Tuesday [1] where about 10
    # sources said Monday by "today", "yesterday" or "Nov. 12"
    story = story_of(FILLER + "HP announced on Monday that it has signed an agreement to acquire EYP Mission Critical.",
                     FILLER + "HP today announced that it has signed an agreement to acquire EYP Mission Critical.",
                     FILLER + "HP announced on Tuesday that it has signed an agreement to acquire EYP Mission Critical.",
                     FILLER + "HP announced that it has signed an agreement to acquire EYP Mission Critical.",
                     published="2007-11-12")
    days = [c for c in story.conflicts if c.kind == "weekday"]
    assert len(days) == 1
    sides = {v.value: v.sources for v in days[0].values}
    assert sides == {"Monday": ["s1", "s2"], "Tuesday": ["s3"]}  # s4 gives no day: on no side
    assert [v.value for v in days[0].values] == ["Monday", "Tuesday"]  # the side more sources state first
    joined = next(q for q in days[0].values[0].quotes if q.source == "s2")
    assert joined.quote.startswith("HP today announced")
