"""Turning uploaded bytes into article text, or a clear reason why not."""

from dataclasses import dataclass
from datetime import date

import trafilatura


class UnreadableArticle(ValueError):
    """The input cannot become an article; the message says why, for the uploader."""


@dataclass
class ArticleText:
    text: str
    title: str = ""
    source: str = ""
    url: str = ""
    published: date | None = None


# Bytes that never appear in text, whatever the encoding of the article.
_CONTROL = set(range(0, 9)) | {11, 12} | set(range(14, 32))


def decode_text(data: bytes, *, max_bytes: int) -> str:
    if len(data) > max_bytes:
        raise UnreadableArticle(
            f"The file is {len(data):,} bytes; the limit is {max_bytes:,} bytes."
        )
    if not data.strip():
        raise UnreadableArticle("The file is empty.")
    sample = data[:8192]
    if b"\x00" in sample or sum(b in _CONTROL for b in sample) > len(sample) // 100:
        raise UnreadableArticle("The file looks binary, not like text. Upload .txt or .html.")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise UnreadableArticle(
            f"The file is not UTF-8 text (undecodable byte at position {error.start}). "
            "Save it as UTF-8 and upload it again."
        ) from None


def looks_like_html(name: str, text: str) -> bool:
    if name.lower().endswith((".html", ".htm")):
        return True
    head = text.lstrip()[:512].lower()
    return head.startswith(("<!doctype html", "<html")) or "<body" in head


def html_to_article(html: str) -> ArticleText:
    """Main text and metadata of a web page, through trafilatura."""
    document = trafilatura.bare_extraction(
        html, include_comments=False, include_tables=False, with_metadata=True
    )
    text = (document.text if document else "") or ""
    if not text.strip():
        raise UnreadableArticle("No article text could be found in this HTML page.")
    published = None
    if document.date:
        try:
            published = date.fromisoformat(document.date[:10])
        except ValueError:
            published = None
    return ArticleText(
        text=text,
        title=document.title or "",
        source=document.sitename or "",
        url=document.url or "",
        published=published,
    )


def read_article(name: str, data: bytes, *, max_bytes: int) -> ArticleText:
    """An uploaded file as article text: UTF-8 text as is, HTML through trafilatura."""
    text = decode_text(data, max_bytes=max_bytes)
    if looks_like_html(name, text):
        return html_to_article(text)
    return ArticleText(text=text)
