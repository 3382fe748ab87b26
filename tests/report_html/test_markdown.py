"""The Markdown brief reads as plain English: counts agree with their nouns."""

from __future__ import annotations

from sample import plain_brief, q

from storylens.report.markdown import render_markdown


def test_one_source_is_singular() -> None:
    md = render_markdown(plain_brief(n_sources=1))
    assert "· 1 source, 1 independent ·" in md  # was "1 sources"
    assert "**Port Elm** (GPE, 1 source)" in md
    assert "**Ada Brook** (PERSON, 0 sources)" in md


def test_several_sources_are_plural() -> None:
    md = render_markdown(plain_brief(n_sources=3))
    assert "· 3 sources, 3 independent ·" in md
    assert "**Port Elm** (GPE, 3 sources)" in md


def test_removed_pieces_agree_with_their_count() -> None:
    brief = plain_brief(n_sources=2)
    brief.sources[0].removed = ["Cookie settings"]
    brief.sources[1].removed = []
    md = render_markdown(brief)
    assert "| 1 piece |" in md  # was "1 pieces"
    assert "| 0 pieces |" in md


def test_an_ampersand_reads_as_written_but_references_stay_literal() -> None:
    from storylens.report.markdown import esc

    # a Multi-News brief printed "Finn Dixon &amp; Herling" in the Markdown file
    assert esc("Finn Dixon & Herling and AT&T") == "Finn Dixon & Herling and AT&T"
    assert esc("write &lt;b&gt; or &#60;") == "write &amp;lt;b&amp;gt; or &amp;\\#60;"
    assert esc("<b>") == "&lt;b&gt;"


def test_a_disputed_claim_gives_each_source_its_own_words() -> None:
    # Its list of sources is not agreement: one says 1000 people came, another 1500.
    brief = plain_brief(n_sources=2)
    brief.claims[2].evidence = [q(s, f"Organisers said {n} people came.") for s, n in zip(brief.sources, (1000, 1500),
                                                                                          strict=True)]
    md = render_markdown(brief)
    disputed = md[md.index("### Disputed"):md.index("### Resting on one source")]
    assert "  > Outlet 0: “Organisers said 1000 people came.”" in disputed
    assert "  > Outlet 1: “Organisers said 1500 people came.”" in disputed
    # Agreeing claims keep one line each: their sources say the same.
    corroborated = md[md.index("### Corroborated"):md.index("### Disputed")]
    assert "  >" not in corroborated
