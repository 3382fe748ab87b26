"""Clean stage: raw content → clean text, `removed` junk and metadata. (interim)"""

from storylens.models import Article


def clean_article(article: Article) -> Article:
    article.text = article.raw.strip()
    return article


__all__ = ["clean_article"]
