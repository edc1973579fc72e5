"""Turning uploaded bytes into article text, or a clear reason why not."""

import io
import json
import zipfile
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


# --- several articles in one upload ------------------------------------------------

ZIP_MAGIC = b"PK\x03\x04"


@dataclass
class UploadItem:
    """One article found in an upload, or the reason it was refused."""

    name: str
    article: ArticleText | None = None
    error: str = ""


@dataclass
class UploadLimits:
    file_bytes: int
    zip_files: int
    zip_bytes: int
    jsonl_lines: int
    json_depth: int = 20


def _json_depth(value, depth: int = 0) -> int:
    if isinstance(value, dict):
        return max([_json_depth(v, depth + 1) for v in value.values()] or [depth + 1])
    if isinstance(value, list):
        return max([_json_depth(v, depth + 1) for v in value] or [depth + 1])
    return depth


def _jsonl_items(name: str, text: str, limits: UploadLimits) -> list[UploadItem]:
    lines = [line for line in text.splitlines() if line.strip()]
    if len(lines) > limits.jsonl_lines:
        return [UploadItem(name, error=f"{len(lines):,} lines; at most {limits.jsonl_lines:,}.")]
    items = []
    for number, line in enumerate(lines, 1):
        label = f"{name} line {number}"
        try:
            record = json.loads(line)
        except (json.JSONDecodeError, RecursionError) as error:
            items.append(UploadItem(label, error=f"not valid JSON ({error.__class__.__name__})."))
            continue
        if not isinstance(record, dict):
            items.append(UploadItem(label, error="each line must be a JSON object."))
            continue
        if _json_depth(record) > limits.json_depth:
            items.append(UploadItem(label, error="the JSON is nested too deeply."))
            continue
        body, html = record.get("text"), record.get("html")
        if not isinstance(body, str | type(None)) or not isinstance(html, str | type(None)):
            items.append(UploadItem(label, error="'text' and 'html' must be strings."))
            continue
        try:
            found = html_to_article(html) if html and not body else ArticleText(text=body or "")
        except UnreadableArticle as error:
            items.append(UploadItem(label, error=str(error)))
            continue
        if not found.text.strip():
            items.append(UploadItem(label, error="no 'text' or 'html' with an article in it."))
            continue
        published = None
        if isinstance(record.get("published"), str):
            try:
                published = date.fromisoformat(record["published"][:10])
            except ValueError:
                items.append(UploadItem(label, error="'published' is not a YYYY-MM-DD date."))
                continue
        found.title = str(record.get("title") or found.title)[:500]
        found.source = str(record.get("source") or found.source)[:200]
        found.url = str(record.get("url") or found.url)[:2000]
        found.published = published or found.published
        items.append(UploadItem(label, article=found))
    return items


def _zip_items(name: str, data: bytes, limits: UploadLimits) -> list[UploadItem]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        return [UploadItem(name, error="The .zip file is damaged.")]
    members = [m for m in archive.infolist() if not m.is_dir()]
    if len(members) > limits.zip_files:
        return [UploadItem(name, error=f"{len(members):,} files; at most {limits.zip_files:,}.")]
    # Sizes from the archive's directory, checked before anything is unpacked.
    total = sum(m.file_size for m in members)
    if total > limits.zip_bytes:
        return [
            UploadItem(
                name,
                error=f"unpacks to {total:,} bytes; at most {limits.zip_bytes:,} bytes.",
            )
        ]
    items = []
    for member in members:
        label = f"{name}: {member.filename}"
        lower = member.filename.lower()
        if not lower.endswith((".txt", ".html", ".htm")):
            items.append(UploadItem(label, error="only .txt and .html files are read from a .zip."))
            continue
        if member.file_size > limits.file_bytes:
            items.append(UploadItem(label, error=f"over {limits.file_bytes:,} bytes."))
            continue
        try:
            with archive.open(member) as handle:
                content = handle.read(limits.file_bytes + 1)
        except (zipfile.BadZipFile, RuntimeError, NotImplementedError) as error:
            items.append(UploadItem(label, error=f"cannot be unpacked ({error})."))
            continue
        if content.startswith(ZIP_MAGIC):
            items.append(UploadItem(label, error="archives inside archives are not read."))
            continue
        try:
            items.append(
                UploadItem(
                    label,
                    article=read_article(member.filename, content, max_bytes=limits.file_bytes),
                )
            )
        except UnreadableArticle as error:
            items.append(UploadItem(label, error=str(error)))
    return items


def read_upload(name: str, data: bytes, limits: UploadLimits) -> list[UploadItem]:
    """The articles in one uploaded file: a .zip of .txt/.html, JSON Lines, or one article.

    The type is sniffed from the content, not trusted from the name.
    """
    if len(data) > limits.file_bytes and not data.startswith(ZIP_MAGIC):
        return [
            UploadItem(
                name,
                error=f"The file is {len(data):,} bytes; the limit is {limits.file_bytes:,} bytes.",
            )
        ]
    if data.startswith(ZIP_MAGIC):
        return _zip_items(name, data, limits)
    try:
        text = decode_text(data, max_bytes=limits.file_bytes)
    except UnreadableArticle as error:
        return [UploadItem(name, error=str(error))]
    first = text.lstrip()[:1]
    if first == "{" and (name.lower().endswith((".jsonl", ".ndjson", ".json")) or "\n{" in text):
        return _jsonl_items(name, text, limits)
    try:
        found = html_to_article(text) if looks_like_html(name, text) else ArticleText(text=text)
    except UnreadableArticle as error:
        return [UploadItem(name, error=str(error))]
    return [UploadItem(name, article=found)]
