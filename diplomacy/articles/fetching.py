"""Fetching articles from the web without becoming a way into our own network.

Only http and https; the host name is resolved here and every address it resolves
to must be public (no private, loopback, link-local, multicast or reserved range),
and the connection is made to the address that was checked, so a second DNS answer
cannot swap it (DNS rebinding). Redirects are followed by hand, each hop checked the
same way. Time-outs and a size cap bound every fetch. Tests against a local server
turn FETCH_ALLOW_PRIVATE on.
"""

import ipaddress
import socket
from urllib.parse import urljoin, urlsplit

import certifi
import urllib3
from django.conf import settings

from diplomacy.articles.reading import ArticleText, UnreadableArticle, decode_text, html_to_article


class FetchError(Exception):
    """A URL could not be fetched; the message says why, for the person who gave it."""


USER_AGENT = "diplomacy-article-fetcher/1.0"


def _public_addresses(host: str, port: int) -> list[str]:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror:
        raise FetchError(f"The host name {host} does not resolve.") from None
    addresses = list(dict.fromkeys(info[4][0] for info in infos))
    if settings.FETCH_ALLOW_PRIVATE:
        return addresses
    for address in addresses:
        ip = ipaddress.ip_address(address.split("%")[0])
        if not ip.is_global or ip.is_multicast:
            raise FetchError(f"{host} resolves to a private or reserved address ({ip}); refused.")
    return addresses


def _open(url: str):
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise FetchError("Only http and https URLs can be fetched.")
    if not parts.hostname:
        raise FetchError("The URL has no host name.")
    port = parts.port or (443 if parts.scheme == "https" else 80)
    address = _public_addresses(parts.hostname, port)[0]
    timeout = urllib3.Timeout(
        connect=settings.FETCH_TIMEOUT_SECONDS, read=settings.FETCH_TIMEOUT_SECONDS
    )
    if parts.scheme == "https":
        pool = urllib3.HTTPSConnectionPool(
            address, port, timeout=timeout, retries=False, cert_reqs="CERT_REQUIRED",
            ca_certs=certifi.where(), server_hostname=parts.hostname,
            assert_hostname=parts.hostname,
        )  # fmt: skip
    else:
        pool = urllib3.HTTPConnectionPool(address, port, timeout=timeout, retries=False)
    path = parts.path or "/"
    if parts.query:
        path += f"?{parts.query}"
    host_header = parts.hostname + (f":{parts.port}" if parts.port else "")
    try:
        return pool.urlopen(
            "GET", path, headers={"Host": host_header, "User-Agent": USER_AGENT},
            redirect=False, preload_content=False,
        )  # fmt: skip
    except urllib3.exceptions.HTTPError as error:
        raise FetchError(f"Could not fetch {url}: {error.__class__.__name__}.") from None


def fetch(url: str) -> tuple[str, bytes, str]:
    """(final URL, body, content type), following at most FETCH_MAX_REDIRECTS redirects."""
    for _ in range(settings.FETCH_MAX_REDIRECTS + 1):
        response = _open(url)
        if response.status in (301, 302, 303, 307, 308):
            location = response.headers.get("Location")
            response.release_conn()
            if not location:
                raise FetchError(f"{url} redirects nowhere.")
            url = urljoin(url, location)
            continue
        if response.status != 200:
            response.release_conn()
            raise FetchError(f"{url} answered HTTP {response.status}.")
        limit = settings.FETCH_MAX_BYTES
        body = response.read(limit + 1, decode_content=True)
        response.release_conn()
        if len(body) > limit:
            raise FetchError(f"{url} is larger than {limit:,} bytes.")
        return url, body, response.headers.get("Content-Type", "")
    raise FetchError(f"Too many redirects (more than {settings.FETCH_MAX_REDIRECTS}).")


def fetch_article(url: str) -> ArticleText:
    """A web page's main text and metadata; the URL kept is the one finally served."""
    final_url, body, content_type = fetch(url)
    try:
        if "html" in content_type or body.lstrip()[:1] == b"<":
            charset = "utf-8"
            if "charset=" in content_type:
                charset = content_type.split("charset=")[-1].split(";")[0].strip() or "utf-8"
            try:
                html = body.decode(charset, errors="replace")
            except LookupError:
                html = body.decode("utf-8", errors="replace")
            found = html_to_article(html)
        else:
            found = ArticleText(text=decode_text(body, max_bytes=settings.FETCH_MAX_BYTES))
    except UnreadableArticle as error:
        raise FetchError(f"{final_url}: {error}") from None
    found.url = final_url
    return found
