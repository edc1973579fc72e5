"""Fetching articles from the web without becoming a way into our own network.

Only http and https; the host name is resolved here and every address it resolves
to must be public (no private, loopback, link-local, multicast or reserved range, and
no NAT64, 6to4 or IPv4-mapped address whose embedded IPv4 address is not public),
and the connection is made to the address that was checked, so a second DNS answer
cannot swap it (DNS rebinding). Redirects are followed by hand, each hop checked the
same way. Time-outs, an overall deadline and a size cap bound every fetch, and every
way a fetch can fail ends as a FetchError that says why. Tests against a local server
turn FETCH_ALLOW_PRIVATE on.
"""

import contextlib
import ipaddress
import socket
import threading
import time
from urllib.parse import urljoin, urlsplit

import certifi
import urllib3
from django.conf import settings

from diplomacy.articles.reading import ArticleText, UnreadableArticle, decode_text, html_to_article


class FetchError(Exception):
    """A URL could not be fetched; the message says why, for the person who gave it."""


USER_AGENT = "diplomacy-article-fetcher/1.0"

# IPv6 ranges that carry an IPv4 address: NAT64 (RFC 6052; its local-use /48 is
# refused whatever it holds) and 6to4 (RFC 3056); the deprecated IPv4-compatible
# range is refused outright.
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_NAT64_LOCAL = ipaddress.ip_network("64:ff9b:1::/48")
_IPV4_COMPATIBLE = ipaddress.ip_network("::/96")


def refused_address(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """True if a fetch may not connect to this address."""
    if not ip.is_global or ip.is_multicast:
        return True
    if ip.version == 6:
        if ip in _IPV4_COMPATIBLE or ip in _NAT64_LOCAL:
            return True
        embedded = ip.ipv4_mapped or ip.sixtofour
        if ip in _NAT64:
            embedded = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
        if embedded is not None and refused_address(embedded):
            return True
    return False


def _public_addresses(host: str, port: int) -> list[str]:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError):
        raise FetchError(f"The host name {host} does not resolve.") from None
    addresses = list(dict.fromkeys(info[4][0] for info in infos))
    if settings.FETCH_ALLOW_PRIVATE:
        return addresses
    for address in addresses:
        ip = ipaddress.ip_address(address.split("%")[0])
        if refused_address(ip):
            raise FetchError(f"{host} resolves to a private or reserved address ({ip}); refused.")
    return addresses


class _Deadline:
    """The whole of one fetch, every hop and the body, within FETCH_DEADLINE_SECONDS.

    Time-outs bound each wait on the network; a server that sends a byte just before
    each time-out would still hold the fetch for ever. At the deadline a timer shuts
    the fetch's sockets, which ends any read in progress."""

    def __init__(self, seconds: float):
        self.seconds = seconds
        self.ends = time.monotonic() + seconds
        self.expired = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._cut)
        self._timer.daemon = True
        self._timer.start()

    def _cut(self) -> None:
        with self._lock:
            self.expired = True
            for sock in self._sockets:
                _shut(sock)

    def watch(self, sock: socket.socket) -> None:
        with self._lock:
            self._sockets.append(sock)
            if self.expired:
                _shut(sock)

    def remaining(self) -> float:
        return max(0.05, self.ends - time.monotonic())

    def cancel(self) -> None:
        self._timer.cancel()

    def connection_class(self, base):
        deadline = self

        class Watched(base):
            def _new_conn(self):
                sock = super()._new_conn()
                deadline.watch(sock)
                return sock

        return Watched


def _shut(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):  # already closed
        sock.shutdown(socket.SHUT_RDWR)


def _describe(error: Exception) -> str:
    """Why a fetch failed, in words, with the library's name of the error."""
    name = error.__class__.__name__
    if isinstance(error, urllib3.exceptions.DecodeError):
        reason = "the page's compressed body could not be decompressed"
    elif isinstance(error, urllib3.exceptions.ReadTimeoutError | TimeoutError):
        reason = "the server stopped answering"
    elif isinstance(error, urllib3.exceptions.ConnectTimeoutError):
        reason = "the server did not accept a connection in time"
    elif isinstance(error, urllib3.exceptions.NewConnectionError | ConnectionRefusedError):
        reason = "the connection was refused"
    elif isinstance(error, urllib3.exceptions.SSLError):
        reason = "the secure connection failed"
    elif isinstance(error, urllib3.exceptions.ProtocolError | ConnectionError):
        reason = "the connection broke off (reset or cut short)"
    else:
        reason = "the fetch failed"
    return f"{reason} ({name})"


def _open(url: str, deadline: _Deadline):
    try:
        parts = urlsplit(url)
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        raise FetchError(f"{url[:200]} is not a valid URL.") from None
    if parts.scheme not in ("http", "https"):
        raise FetchError("Only http and https URLs can be fetched.")
    if not parts.hostname:
        raise FetchError("The URL has no host name.")
    address = _public_addresses(parts.hostname, port)[0]
    wait = min(settings.FETCH_TIMEOUT_SECONDS, deadline.remaining())
    timeout = urllib3.Timeout(connect=wait, read=wait)
    if parts.scheme == "https":
        pool = urllib3.HTTPSConnectionPool(
            address, port, timeout=timeout, retries=False, cert_reqs="CERT_REQUIRED",
            ca_certs=certifi.where(), server_hostname=parts.hostname,
            assert_hostname=parts.hostname,
        )  # fmt: skip
    else:
        pool = urllib3.HTTPConnectionPool(address, port, timeout=timeout, retries=False)
    pool.ConnectionCls = deadline.connection_class(pool.ConnectionCls)
    path = parts.path or "/"
    if parts.query:
        path += f"?{parts.query}"
    host_header = parts.hostname + (f":{parts.port}" if parts.port else "")
    try:
        return pool.urlopen(
            "GET", path, headers={"Host": host_header, "User-Agent": USER_AGENT},
            redirect=False, preload_content=False,
        )  # fmt: skip
    except (urllib3.exceptions.HTTPError, OSError) as error:
        raise FetchError(f"Could not fetch {url}: {_describe(error)}.") from None


def fetch(url: str) -> tuple[str, bytes, str]:
    """(final URL, body, content type), following at most FETCH_MAX_REDIRECTS redirects,
    all within FETCH_DEADLINE_SECONDS. Raises FetchError, whatever went wrong."""
    deadline = _Deadline(settings.FETCH_DEADLINE_SECONDS)
    try:
        return _fetch(url, deadline)
    except FetchError:
        if deadline.expired:
            raise FetchError(
                f"Could not fetch {url}: no complete answer within "
                f"{deadline.seconds:g} seconds; gave up."
            ) from None
        raise
    finally:
        deadline.cancel()


def _fetch(url: str, deadline: _Deadline) -> tuple[str, bytes, str]:
    for _ in range(settings.FETCH_MAX_REDIRECTS + 1):
        response = _open(url, deadline)
        try:
            if response.status in (301, 302, 303, 307, 308):
                location = response.headers.get("Location")
                if not location:
                    raise FetchError(f"{url} redirects nowhere.")
                url = urljoin(url, location)
                continue
            if response.status != 200:
                raise FetchError(f"{url} answered HTTP {response.status}.")
            limit = settings.FETCH_MAX_BYTES
            try:
                body = response.read(limit + 1, decode_content=True)
            except (urllib3.exceptions.HTTPError, OSError) as error:
                raise FetchError(f"Could not read {url}: {_describe(error)}.") from None
            if deadline.expired:
                raise FetchError(f"{url}: gave up at the deadline.")
            if len(body) > limit:
                raise FetchError(f"{url} is larger than {limit:,} bytes.")
            return url, body, response.headers.get("Content-Type", "")
        finally:
            response.close()  # each fetch has its own pool: nothing to give back
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
