"""Turning uploaded bytes into article text, or a clear reason why not."""

import codecs
import io
import json
import zipfile
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlsplit

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


# Text files that say their encoding with a byte order mark; UTF-32's marks first,
# since UTF-32-LE's starts with UTF-16-LE's.
_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
]  # fmt: skip


def decode_text(data: bytes, *, max_bytes: int, allow_nul: bool = False) -> str:
    """UTF-8 text (or UTF-16/32 with a byte order mark) as a string; a file that is not
    text, or text with a NUL character in it (which no database column takes), is
    refused with the reason. `allow_nul` leaves NUL to the caller, which refuses the
    parts that hold one (the lines of a JSON Lines file)."""
    if len(data) > max_bytes:
        raise UnreadableArticle(
            f"The file is {len(data):,} bytes; the limit is {max_bytes:,} bytes."
        )
    encoding = next((name for bom, name in _BOMS if data.startswith(bom)), None)
    if encoding:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as error:
            raise UnreadableArticle(
                f"The file starts as {encoding.upper()} text but is not "
                f"(undecodable bytes at position {error.start})."
            ) from None
        sample = text[:8192].encode("utf-8")
    else:
        sample = data[:8192]
        if b"\x00" in sample or sum(b in _CONTROL for b in sample) > len(sample) // 100:
            raise UnreadableArticle("The file looks binary, not like text. Upload .txt or .html.")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise UnreadableArticle(
                f"The file is not UTF-8 text (undecodable byte at position {error.start}). "
                "Save it as UTF-8 and upload it again."
            ) from None
    if sum(b in _CONTROL for b in sample) > len(sample) // 100:
        raise UnreadableArticle("The file looks binary, not like text. Upload .txt or .html.")
    if not allow_nul:
        refuse_nul(text, "The file")
    if not text.strip():
        raise UnreadableArticle("The file is empty.")
    return text


def refuse_nul(text: str, what: str) -> None:
    """A NUL character is not text: refused, saying where, before it reaches the database."""
    at = text.find("\x00")
    if at >= 0:
        line = text.count("\n", 0, at) + 1
        where = f"line {line:,}, character {at + 1:,}" if "\n" in text else f"character {at + 1:,}"
        raise UnreadableArticle(
            f"{what} contains a NUL character ({where}); that is not text. "
            "Remove it and upload again."
        )


def web_url(value: str) -> str:
    """An http or https URL, or "" for none; anything else (javascript:, data:, file:...)
    is refused, so that no link to it is ever stored or shown."""
    value = value.strip()
    if not value:
        return ""
    try:
        parts = urlsplit(value)
    except ValueError:
        parts = None
    if parts is None or parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        raise UnreadableArticle(f"the URL {value[:100]!r} is not an http or https URL.")
    return value


def looks_like_html(name: str, text: str) -> bool:
    if name.lower().endswith((".html", ".htm")):
        return True
    head = text.lstrip()[:512].lower()
    return head.startswith(("<!doctype html", "<html")) or "<body" in head


def html_to_article(html: str) -> ArticleText:
    """Main text and metadata of a web page, through trafilatura."""
    # NUL in HTML is a parse error that browsers drop or replace (HTML's parsing rules).
    document = trafilatura.bare_extraction(
        html.replace("\x00", ""), include_comments=False, include_tables=False,
        with_metadata=True,
    )  # fmt: skip
    text = (document.text if document else "") or ""
    if not text.strip():
        raise UnreadableArticle("No article text could be found in this HTML page.")
    published = None
    if document.date:
        try:
            published = date.fromisoformat(document.date[:10])
        except ValueError:
            published = None
    try:
        url = web_url(document.url or "")
    except UnreadableArticle:
        url = ""  # the page's own claim of its address: ignored if it is not a web URL
    return ArticleText(
        text=text,
        title=document.title or "",
        source=document.sitename or "",
        url=url,
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


def _too_deep(value, limit: int) -> bool:
    """True if objects and arrays nest more than `limit` deep; without recursion, so
    that no nesting Python's JSON parser accepts can overflow the stack here."""
    level = [value]
    for _ in range(limit):
        level = [
            child
            for item in level
            if isinstance(item, dict | list)
            for child in (item.values() if isinstance(item, dict) else item)
        ]
        if not level:
            return False
    return any(isinstance(item, dict | list) for item in level)


def _jsonl_items(name: str, text: str, limits: UploadLimits) -> list[UploadItem]:
    lines = [line for line in text.splitlines() if line.strip()]
    if len(lines) > limits.jsonl_lines:
        return [UploadItem(name, error=f"{len(lines):,} lines; at most {limits.jsonl_lines:,}.")]
    items = []
    for number, line in enumerate(lines, 1):
        label = f"{name} line {number}"
        try:
            record = json.loads(line)
            if isinstance(record, dict) and _too_deep(record, limits.json_depth):
                raise RecursionError
        except RecursionError:
            items.append(
                UploadItem(
                    label,
                    error=f"the JSON is nested too deeply (over {limits.json_depth} levels).",
                )
            )
            continue
        except json.JSONDecodeError as error:
            items.append(UploadItem(label, error=f"not valid JSON ({error.__class__.__name__})."))
            continue
        if not isinstance(record, dict):
            items.append(UploadItem(label, error="each line must be a JSON object."))
            continue
        body, html = record.get("text"), record.get("html")
        if not isinstance(body, str | type(None)) or not isinstance(html, str | type(None)):
            items.append(UploadItem(label, error="'text' and 'html' must be strings."))
            continue
        try:
            for field in ("text", "title", "source", "url", "published"):
                if isinstance(record.get(field), str):
                    refuse_nul(record[field], f"'{field}'")
            url = web_url(str(record.get("url") or "")) if record.get("url") else ""
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
        found.url = (url or found.url)[:2000]
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
        text = decode_text(data, max_bytes=limits.file_bytes, allow_nul=True)
    except UnreadableArticle as error:
        return [UploadItem(name, error=str(error))]
    first = text.lstrip()[:1]
    if first == "{" and (name.lower().endswith((".jsonl", ".ndjson", ".json")) or "\n{" in text):
        return _jsonl_items(name, text, limits)
    try:
        refuse_nul(text, "The file")
        found = html_to_article(text) if looks_like_html(name, text) else ArticleText(text=text)
    except UnreadableArticle as error:
        return [UploadItem(name, error=str(error))]
    return [UploadItem(name, article=found)]
