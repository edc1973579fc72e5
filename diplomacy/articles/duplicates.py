"""Recognising an article already stored: same URL in another form, or a syndicated
copy with trivial differences (SimHash over word shingles)."""

import hashlib
import re
import unicodedata
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

TRACKING = re.compile(r"^(utm_\w+|fbclid|gclid|mc_cid|mc_eid|ref|ref_src|cmpid|ocid|smid)$", re.I)
_WORD = re.compile(r"\w+", re.UNICODE)

SHINGLE = 3
# Copies differing by a byline, a headline tweak or a sentence differ in a few bits of
# 64; different articles differ in about half of them. Three is also the most for which
# four bands guarantee that a copy shares one band exactly (pigeonhole).
MAX_DISTANCE = 3
MIN_WORDS = 60  # below this, SimHash cannot tell a copy from a different short text


def canonical_url(url: str) -> str:
    """One form of a URL: no fragment, tracking parameters, 'www.' or trailing slash."""
    if not url:
        return ""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower().removeprefix("www.")
    if not host:
        return ""
    query = sorted((k, v) for k, v in parse_qsl(parts.query) if not TRACKING.match(k))
    path = parts.path.rstrip("/") or "/"
    port = f":{parts.port}" if parts.port and parts.port not in (80, 443) else ""
    return urlunsplit(("https", host + port, path, urlencode(query), ""))


# A fingerprint reads at most the first MAX_WORDS words (an article is a few thousand):
# a 5 MB text costs what a 150 KB one does, so a zip of twenty of them is fingerprinted in
# about a second inside the upload request. Two copies of a long text share its start.
MAX_WORDS = 20_000
_PREFIX_CHARS = 20 * MAX_WORDS  # enough characters for MAX_WORDS words of any language


def _words(text: str) -> list[str]:
    if len(text) <= _PREFIX_CHARS:
        return _folded_words(text)[:MAX_WORDS]
    # The prefix may end inside a word: drop its last word.
    return _folded_words(text[:_PREFIX_CHARS])[:-1][:MAX_WORDS]


def _folded_words(text: str) -> list[str]:
    folded = unicodedata.normalize("NFKD", text.casefold())
    return _WORD.findall("".join(c for c in folded if not unicodedata.combining(c)))


def simhash(text: str) -> int | None:
    """A 64-bit fingerprint that changes little when the text changes little: bit i is
    set when most shingles' hashes have bit i set."""
    words = _words(text)
    if len(words) < MIN_WORDS:
        return None
    count = len(words) - SHINGLE + 1
    # Each shingle's hash as 64 binary digits; zip(*rows) reads them column by column,
    # most significant bit first, at C speed.
    rows = [
        format(
            int.from_bytes(
                hashlib.blake2b(" ".join(words[i : i + SHINGLE]).encode(), digest_size=8).digest()
            ),
            "064b",
        )
        for i in range(count)
    ]
    fingerprint = 0
    for column in zip(*rows, strict=True):
        fingerprint = fingerprint << 1 | (2 * column.count("1") > count)
    return fingerprint


def bands(fingerprint: int | None) -> dict[str, int | None]:
    """The fingerprint as four 16-bit numbers, stored in indexed columns."""
    if fingerprint is None:
        return dict.fromkeys(("simhash_a", "simhash_b", "simhash_c", "simhash_d"))
    return {
        name: (fingerprint >> shift) & 0xFFFF
        for name, shift in (
            ("simhash_a", 48),
            ("simhash_b", 32),
            ("simhash_c", 16),
            ("simhash_d", 0),
        )
    }


def from_bands(a: int, b: int, c: int, d: int) -> int:
    return (a << 48) | (b << 32) | (c << 16) | d


def distance(x: int, y: int) -> int:
    return (x ^ y).bit_count()
