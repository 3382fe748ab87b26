"""Hand-made briefs for the HTML report and web UI tests, some carrying hostile article text.

Quotes are located with str.find, so every Quote satisfies text[start:end] == quote.
"""

from __future__ import annotations

from storylens.models.brief import (
    Brief,
    Claim,
    Conflict,
    ConflictValue,
    Entity,
    EntityMention,
    Quote,
    Source,
    StoryInfo,
    SummarySentence,
    TimelineEvent,
)

# Each payload sets window.__xss or calls alert() if it ever runs as script.
PAYLOADS = [
    "<script>window.__xss = 'script'</script>",
    '<img src=x onerror="window.__xss=\'img\'">',
    '<svg onload="window.__xss=\'svg\'"><script>alert("svg-script")</script></svg>',
    "</script><script>window.__xss='breakout'</script>",
    "<!-- <script>window.__xss='comment'</script> -->",
    '<div><b>unclosed <a href="javascript:window.__xss=\'link\'">click me</a>',
    '<iframe srcdoc="<script>parent.__xss=\'iframe\'</script>"></iframe>',
    '"><body onload="alert(\'attr\')">',
    "{{ 7*7 }} {% raw %}",
]
HOSTILE_URLS = ["javascript:window.__xss='url'", " JaVaScRiPt:alert('url2')", "data:text/html,<script>alert(1)</script>",
                "//evil.example/x"]


def q(source: Source, quote: str) -> Quote:
    start = source.text.index(quote)
    return Quote(source=source.id, start=start, end=start + len(quote), quote=quote)


def plain_brief(n_sources: int = 3) -> Brief:
    """A small, ordinary brief with every section filled."""
    sources = []
    for i in range(n_sources):
        crowd = 1000 + 500 * (i % 2)
        text = (f"The harbour festival opened on Saturday in Port Elm. Organisers said {crowd} people came. "
                f"Mayor Ada Brook cut the ribbon at noon. Report number {i}.")
        sources.append(Source(id=f"src{i}", title=f"Festival opens ({i})", outlet=f"Outlet {i}",
                              published=f"2024-05-{10 + i % 3:02d}T09:00:00", url=f"https://news{i}.example/story",
                              text=text, removed=[f"Subscribe to Outlet {i} newsletter", "Cookie settings"]))
    first = sources[0]
    values = {}
    for s in sources:
        number = "1000" if "1000 people" in s.text else "1500"
        values.setdefault(number, []).append(s)
    conflict = Conflict(
        id="k1", topic="crowd size", kind="count", note="sources give different head counts", confidence=0.8,
        values=[ConflictValue(value=f"{v} people", normalized=v, sources=[s.id for s in ss],
                              quotes=[q(s, f"{v} people came") for s in ss]) for v, ss in values.items()],
    )
    opening = "The harbour festival opened on Saturday in Port Elm."
    claims = [
        Claim(id="c1", text=opening, status="corroborated", sources=[s.id for s in sources],
              evidence=[q(s, opening) for s in sources], n_independent=len(sources), entities=["e1"]),
        Claim(id="c2", text="Mayor Ada Brook cut the ribbon at noon.", status="single_source", sources=[first.id],
              evidence=[q(first, "Mayor Ada Brook cut the ribbon at noon.")], hedged=True),
        Claim(id="c3", text="Organisers gave a head count.", status="conflicting", sources=[s.id for s in sources],
              evidence=[q(s, "Organisers said") for s in sources]),
    ]
    return Brief(
        story=StoryInfo(title="Harbour festival opens in Port Elm", date="2024-05-11", n_sources=n_sources,
                        n_independent=n_sources),
        sources=sources,
        entities=[Entity(id="e1", name="Port Elm", type="GPE", aliases=["Port Elm", "Pt. Elm"],
                         mentions=[EntityMention(source=s.id, start=s.text.index("Port Elm"),
                                                 end=s.text.index("Port Elm") + 8, text="Port Elm") for s in sources]),
                  Entity(id="e2", name="Ada Brook", type="PERSON", aliases=["Ada Brook"])],
        claims=claims,
        conflicts=[conflict],
        timeline=[TimelineEvent(date="2024-05-11", text="The festival opens.", sources=[first.id],
                                quotes=[q(first, opening)])],
        summary=[SummarySentence(text=opening, sources=[s.id for s in sources], quotes=[q(first, opening)]),
                 SummarySentence(text="Head counts differ between outlets.", sources=[s.id for s in sources],
                                 quotes=[q(s, "people came") for s in sources])],
        notices=["A test notice."],
    )


def hostile_brief() -> Brief:
    """Every text field that comes from an article carries markup and script payloads."""
    bad = " ".join(PAYLOADS)
    sources = []
    for i, url in enumerate(HOSTILE_URLS):
        text = f"Plain start {i}. {bad} The count was {10 + i} units. {PAYLOADS[i]} End."
        sources.append(Source(id=f'h{i}"><script>alert({i})</script>', title=PAYLOADS[i], outlet=PAYLOADS[-2 - i],
                              author=PAYLOADS[i + 1], published=PAYLOADS[0], url=url, text=text,
                              removed=PAYLOADS[:4]))
    a, b = sources[0], sources[1]
    return Brief(
        story=StoryInfo(title=bad, date=None, n_sources=len(sources), n_independent=len(sources)),
        sources=sources,
        entities=[Entity(id='x"><svg onload=alert(1)>', name=PAYLOADS[1], type=PAYLOADS[2], aliases=PAYLOADS[:3])],
        claims=[Claim(id="c1", text=bad, status="single_source", sources=[a.id], evidence=[q(a, PAYLOADS[0])]),
                Claim(id="c2", text=PAYLOADS[3], status="corroborated", sources=[a.id, b.id],
                      evidence=[q(a, PAYLOADS[3]), q(b, PAYLOADS[5])])],
        conflicts=[Conflict(id="k", topic=PAYLOADS[4], kind="quantity", note=PAYLOADS[5], values=[
            ConflictValue(value=PAYLOADS[0], normalized=PAYLOADS[6], sources=[a.id], quotes=[q(a, "10 units")]),
            ConflictValue(value=PAYLOADS[2], normalized="11", sources=[b.id], quotes=[q(b, "11 units")]),
        ])],
        timeline=[TimelineEvent(date="2024-01-01", text=PAYLOADS[6], sources=[a.id], quotes=[q(a, PAYLOADS[6])])],
        summary=[SummarySentence(text=bad, sources=[a.id, b.id, "unknown-source"], quotes=[q(a, PAYLOADS[1])])],
        notices=PAYLOADS[:2],
    )
