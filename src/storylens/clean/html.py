"""HTML pages → article text and metadata, through trafilatura. (interim: owned by the ingestion work)"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class HtmlExtract:
    text: str
    title: str | None = None
    author: str | None = None
    published: str | None = None
    outlet: str | None = None
    url: str | None = None
    language: str | None = None
    removed: list[str] = field(default_factory=list)


def extract_html(html: str, url: str | None = None) -> HtmlExtract:
    import trafilatura

    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                      as_dict=False)
    if doc is None:
        return HtmlExtract(text="")
    return HtmlExtract(text=doc.text or "", title=doc.title, author=doc.author, published=doc.date,
                       outlet=doc.sitename, url=doc.url or url, language=doc.language)
