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


def test_a_source_with_no_outlet_is_listed_by_the_label_its_citations_use() -> None:
    # QA rounds 28 and 30: ECB+ briefs cited "[sunstar.com.ph]", a label no row of the sources table showed
    brief = plain_brief(n_sources=2)
    brief.sources[0].outlet = None
    md = render_markdown(brief)
    assert "| src0 | news0.example |" in md and "| src1 | Outlet 1 |" in md
    brief.sources[0].url = None  # no address either: the id alone, as citations give it
    assert "| src0 |  |" in render_markdown(brief)


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


def test_a_corroborated_claim_shows_what_the_other_sources_say_in_their_words() -> None:
    # QA round 11: the shown sentence is one source's, details and all ("... at noon"); the list of sources read as
    # if each confirmed every detail. The others' own words follow; a source printing the shown words is not repeated.
    brief = plain_brief(n_sources=3)
    brief.claims[0].text = "Mayor Ada Brook cut the ribbon at noon."
    brief.claims[0].evidence = [q(brief.sources[0], "Mayor Ada Brook cut the ribbon at noon."),
                                q(brief.sources[1], "The harbour festival opened on Saturday in Port Elm."),
                                q(brief.sources[2], "Mayor Ada Brook cut the ribbon at noon.")]
    md = render_markdown(brief)
    corroborated = md[md.index("### Corroborated"):md.index("### Disputed")]
    assert corroborated.count("  > ") == 1
    assert "  > Outlet 1: “The harbour festival opened on Saturday in Port Elm.”" in corroborated


def test_a_claim_of_several_sources_and_one_report_says_why() -> None:
    brief = plain_brief(n_sources=2)
    claim = brief.claims[1]
    claim.sources = [s.id for s in brief.sources]
    claim.evidence = [q(s, "Mayor Ada Brook cut the ribbon at noon.") for s in brief.sources]
    md = render_markdown(brief)
    line = next(ln for ln in md.splitlines() if ln.startswith("- Mayor Ada Brook cut the ribbon at noon."))
    assert line.endswith("*(one report: they print the same story or words, or one credits the other)*")
    brief.claims[1].sources = brief.claims[1].sources[:1]
    assert "one report:" not in render_markdown(brief)
