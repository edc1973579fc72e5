"""Hostile or broken input ends in a clear answer, never a 500: fetches that break off,
CSV cells that would run as formulas, NUL characters, other encodings, non-web URLs,
deep JSON, addresses that smuggle a private IPv4 address, and bad API parameters."""

import csv
import io
import json
import socket
import struct
import threading
import time
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from diplomacy.articles.fetching import FetchError, _public_addresses, fetch
from diplomacy.articles.models import Article, Feed, FeedEntry
from tests.factories import LeaderFactory, MeetingFactory, StatementFactory

pytestmark = pytest.mark.django_db

UPLOAD = reverse("article_upload")
PAGE = (
    "<html><head><title>Talks in Vienna</title></head><body><article>"
    + "<p>The two foreign ministers met in Vienna for long talks on trade.</p>" * 8
    + "</article></body></html>"
).encode()


# --- a local server that fails in every way a real one can --------------------------


class _Broken(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    healthy: set[str] = set()  # paths that answer normally for now

    def do_GET(self):  # noqa: N802 - the standard library's name
        path = self.path.split("?")[0]
        if path == "/feed.xml":
            site = f"http://{self.headers['Host']}"
            items = "".join(
                f"<item><title>{n}</title><link>{site}/{n}</link><guid>{site}/{n}</guid></item>"
                for n in ("reset", "ok")
            )
            body = (
                '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>'
                f"<link>{site}</link><description>News</description>{items}</channel></rss>"
            ).encode()
            return self._reply(body, "application/rss+xml")
        if path in self.healthy or path == "/ok":
            return self._reply(PAGE, "text/html")
        if path == "/bad-gzip":
            return self._reply(b"this is not gzip at all" * 10, "text/html", encoding="gzip")
        if path == "/reset":
            # Half the promised body, then a reset (SO_LINGER 0 closes with RST).
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(PAGE)))
            self.end_headers()
            self.wfile.write(PAGE[:100])
            self.wfile.flush()
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.connection.close()
            self.close_connection = True
            return None
        if path == "/stall":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(PAGE)))
            self.end_headers()
            self.wfile.write(PAGE[:100])
            self.wfile.flush()
            time.sleep(3)
            return None
        if path == "/trickle":
            # One byte at a time, each well within the read time-out: only an overall
            # deadline ends this.
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(PAGE)))
            self.end_headers()
            try:
                for byte in PAGE:
                    self.wfile.write(bytes([byte]))
                    self.wfile.flush()
                    time.sleep(0.2)
            except OSError:
                pass  # the client gave up, as it should
            return None
        return self._reply(b"not here", "text/plain", status=404)

    def _reply(self, body: bytes, kind: str, status: int = 200, encoding: str = ""):
        self.send_response(status)
        self.send_header("Content-Type", kind)
        if encoding:
            self.send_header("Content-Encoding", encoding)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def broken_site():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Broken)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


# --- fetch failures: each one a FetchError that says why ----------------------------


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/bad-gzip", "compressed body could not be decompressed"),
        ("/reset", "connection broke off"),
        ("/stall", "stopped answering"),
    ],
)
@override_settings(FETCH_ALLOW_PRIVATE=True, FETCH_TIMEOUT_SECONDS=1)
def test_errors_while_reading_the_body_become_fetch_errors(broken_site, path, message):
    with pytest.raises(FetchError, match=message):
        fetch(f"{broken_site}{path}")


@override_settings(FETCH_ALLOW_PRIVATE=True, FETCH_TIMEOUT_SECONDS=1, FETCH_DEADLINE_SECONDS=2)
def test_a_server_sending_a_byte_at_a_time_is_cut_off_at_the_deadline(broken_site):
    started = time.monotonic()
    with pytest.raises(FetchError, match="no complete answer within 2 seconds"):
        fetch(f"{broken_site}/trickle")
    assert time.monotonic() - started < 4


@override_settings(FETCH_ALLOW_PRIVATE=True, FETCH_TIMEOUT_SECONDS=1)
def test_a_body_that_breaks_off_is_shown_on_the_upload_page(admin_client, broken_site):
    response = admin_client.post(UPLOAD, {"fetch_url": f"{broken_site}/bad-gzip"})
    assert response.status_code == 400
    assert "could not be decompressed" in response.content.decode()
    assert Article.objects.count() == 0


@override_settings(FETCH_ALLOW_PRIVATE=True, FETCH_TIMEOUT_SECONDS=1)
def test_a_failed_feed_entry_keeps_its_error_and_is_tried_again_later(broken_site):
    from diplomacy.articles.feeds import RETRY_AFTER, feed_entry_ingest, feed_poll

    feed = Feed.objects.create(url=f"{broken_site}/feed.xml")
    for entry_id in feed_poll(feed.pk):
        feed_entry_ingest(entry_id)
    failed = FeedEntry.objects.get(url=f"{broken_site}/reset")
    assert (failed.article, failed.attempts) == (None, 1)
    assert "connection broke off" in failed.error
    assert failed.retry_at - timezone.now() > RETRY_AFTER - timedelta(minutes=1)
    assert FeedEntry.objects.get(url=f"{broken_site}/ok").article is not None
    assert feed_poll(feed.pk) == []  # not due yet: back-off
    # Time passes, the site is mended: the next poll tries the entry again.
    FeedEntry.objects.filter(pk=failed.pk).update(retry_at=timezone.now())
    _Broken.healthy.add("/reset")
    try:
        due = feed_poll(feed.pk)
        assert due == [failed.pk]
        feed_entry_ingest(failed.pk)
    finally:
        _Broken.healthy.discard("/reset")
    failed.refresh_from_db()
    assert (failed.article is not None, failed.error, failed.retry_at) == (True, "", None)


@override_settings(FETCH_ALLOW_PRIVATE=True, FETCH_TIMEOUT_SECONDS=1)
def test_each_failure_waits_longer_and_the_entry_is_given_up_at_last(broken_site):
    from diplomacy.articles.feeds import RETRY_AT_MOST, feed_entry_ingest

    feed = Feed.objects.create(url=f"{broken_site}/feed.xml")
    entry = FeedEntry.objects.create(feed=feed, entry_id="x", url=f"{broken_site}/reset")
    waits = []
    for _ in range(RETRY_AT_MOST):
        feed_entry_ingest(entry.pk)
        entry.refresh_from_db()
        waits.append(
            entry.retry_at and round((entry.retry_at - timezone.now()) / timedelta(minutes=15))
        )
    assert waits == [1, 2, 4, 8, 16, 32, 64, None]
    assert entry.attempts == RETRY_AT_MOST
    assert entry.error.endswith(f"Gave up after {RETRY_AT_MOST} tries.")


@pytest.mark.parametrize(
    "host",
    ["64:ff9b::7f00:1", "64:ff9b::a00:1", "64:ff9b:1::808:808", "2002:7f00:1::1",
     "2002:a9fe:a9fe::1", "::127.0.0.1", "::ffff:10.0.0.1"],
)  # fmt: skip
def test_ipv6_forms_of_private_ipv4_addresses_are_refused(host):
    with pytest.raises(FetchError, match="private or reserved address"):
        _public_addresses(host, 80)


@pytest.mark.parametrize("host", ["64:ff9b::808:808", "2002:808:808::1", "2a00:1450:4001::1"])
def test_ipv6_addresses_of_public_hosts_pass(host):
    assert _public_addresses(host, 80) == [host]


# --- CSV exports never carry a formula ----------------------------------------------


def _csv(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))


def test_csv_cells_that_a_spreadsheet_would_run_are_neutralised(analyst_client):
    person = LeaderFactory(name='=HYPERLINK("https://evil.example","Putin")')
    MeetingFactory(participants=[person], place="+cmd|' /C calc'!A0", occasion="@SUM(A1)",
                   country="RO")  # fmt: skip
    StatementFactory(speaker=person, text="-2+3 is what he said", language="\tro")
    meetings = _csv(analyst_client.get(reverse("export_meetings", args=["csv"])))
    header, row = meetings
    cells = dict(zip(header, row, strict=True))
    assert (cells["participants"], cells["place"], cells["occasion"], cells["country"]) == (
        "'=HYPERLINK(\"https://evil.example\",\"Putin\")", "'+cmd|' /C calc'!A0", "'@SUM(A1)", "RO"
    )  # fmt: skip
    header, row = _csv(analyst_client.get(reverse("export_statements", args=["csv"])))
    cells = dict(zip(header, row, strict=True))
    assert (cells["speaker"], cells["text"], cells["language"]) == (
        "'=HYPERLINK(\"https://evil.example\",\"Putin\")", "'-2+3 is what he said", "'\tro"
    )  # fmt: skip


def test_csv_keeps_numbers_and_plain_text_as_they_are(analyst_client):
    MeetingFactory(place="Paris", occasion="G20 summit", confidence=0.5)
    header, row = _csv(analyst_client.get(reverse("export_meetings", args=["csv"])))
    cells = dict(zip(header, row, strict=True))
    assert (cells["place"], cells["occasion"], cells["confidence"]) == (
        "Paris",
        "G20 summit",
        "0.5",
    )


# --- uploads: NUL, other encodings, URLs, deep JSON ----------------------------------


def _file(name: str, data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="application/octet-stream")


def _outcomes(response) -> list[tuple[str, str]]:
    return [
        (o.name, "stored" if o.article else "duplicate" if o.duplicate else o.error)
        for o in response.context["outcomes"]
    ]


def test_a_nul_character_after_the_first_8_kib_is_refused_with_where_it_is(admin_client):
    text = ("A line of an ordinary article about talks.\n" * 300).encode() + b"and \x00 here\n"
    response = admin_client.post(UPLOAD, {"files": [_file("late-nul.txt", text)]})
    assert response.status_code == 400
    assert (
        "late-nul.txt: The file contains a NUL character (line 301, character 12,905); "
        "that is not text." in response.content.decode()
    )
    assert Article.objects.count() == 0


def test_nul_in_a_json_lines_field_refuses_that_line_and_keeps_the_others(admin_client):
    lines = [
        json.dumps({"text": "The first good article."}),
        json.dumps({"text": "A bad one \u0000 with NUL."}),
        json.dumps({"text": "A fine text.", "title": "Title \u0000"}),
        json.dumps({"text": "The second good article."}),
    ]
    data = ("\n".join(lines) + "\n").encode()
    response = admin_client.post(UPLOAD, {"files": [_file("feed.jsonl", data)]})
    assert response.status_code == 200
    assert _outcomes(response) == [
        ("feed.jsonl line 1", "stored"),
        ("feed.jsonl line 2", "'text' contains a NUL character (character 11); that is not "
                              "text. Remove it and upload again."),
        ("feed.jsonl line 3", "'title' contains a NUL character (character 7); that is not "
                              "text. Remove it and upload again."),
        ("feed.jsonl line 4", "stored"),
    ]  # fmt: skip
    assert sorted(Article.objects.values_list("text", flat=True)) == [
        "The first good article.", "The second good article."
    ]  # fmt: skip


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_text_with_a_byte_order_mark_is_read(admin_client, encoding):
    text = "date 2025-09-03 Vladimir Putin s-a întâlnit cu Kim Jong Un la Beijing.\n"
    data = text.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    response = admin_client.post(UPLOAD, {"files": [_file("unicode.txt", data)]})
    assert response.status_code == 302
    assert Article.objects.get().text == text


def test_non_web_urls_from_json_lines_are_refused(admin_client):
    lines = [
        {"text": "Article with a script link.", "url": "javascript:alert(document.cookie)"},
        {"text": "Article with a data link.", "url": "data:text/html,<script>x</script>"},
        {"text": "Article with a web link.", "url": "https://example.org/a"},
    ]
    data = "\n".join(json.dumps(line) for line in lines).encode()
    response = admin_client.post(UPLOAD, {"files": [_file("links.jsonl", data)]})
    assert _outcomes(response) == [
        ("links.jsonl line 1",
         "the URL 'javascript:alert(document.cookie)' is not an http or https URL."),
        ("links.jsonl line 2",
         "the URL 'data:text/html,<script>x</script>' is not an http or https URL."),
        ("links.jsonl line 3", "stored"),
    ]  # fmt: skip
    assert list(Article.objects.values_list("url", flat=True)) == ["https://example.org/a"]


@pytest.mark.parametrize("url", ["ftp://example.org/a.txt", "ftps://example.org/a.txt"])
def test_forms_take_only_web_urls(admin_client, url):
    upload = admin_client.post(UPLOAD, {"text": "An article about talks.", "url": url})
    fetch = admin_client.post(UPLOAD, {"fetch_url": url})
    feed = admin_client.post(reverse("feeds"), {"url": url})
    assert [r.status_code for r in (upload, fetch, feed)] == [400, 400, 400]
    for response in (upload, fetch, feed):
        assert "Enter an http or https URL." in response.content.decode()
    assert (Article.objects.count(), Feed.objects.count()) == (0, 0)


def test_json_nested_as_deep_as_the_parser_allows_is_refused_by_line(admin_client):
    deep = '{"text": "x", "a": ' + "[" * 900 + "]" * 900 + "}"
    deeper = '{"text": "x", "a": ' + "[" * 100_000 + "]" * 100_000 + "}"
    data = "\n".join([deep, deeper, json.dumps({"text": "A good article."})]).encode()
    response = admin_client.post(UPLOAD, {"files": [_file("deep.jsonl", data)]})
    assert response.status_code == 200
    assert _outcomes(response) == [
        ("deep.jsonl line 1", "the JSON is nested too deeply (over 20 levels)."),
        ("deep.jsonl line 2", "the JSON is nested too deeply (over 20 levels)."),
        ("deep.jsonl line 3", "stored"),
    ]


# --- API parameters: validated, 400 with the reason ----------------------------------


@pytest.mark.parametrize(
    ("url", "error"),
    [
        ("/api/leaders?q=%00", "q: Null characters are not allowed."),
        ("/api/leaders?cursor=%C2%B2", "cursor: not a cursor this site gave out."),
        ("/api/leaders?limit=ten", "limit: a whole number from 1 to 500."),
        ("/api/meetings?leader=%00", "leader: Null characters are not allowed."),
        ("/api/meetings?date_from=yesterday", "date_from: Enter a valid date."),
        ("/api/meetings?cursor=%C2%B2", "cursor: not a cursor this site gave out."),
        ("/api/statements?speaker=%00", "speaker: Null characters are not allowed."),
        ("/api/statements?limit=%C2%B2", "limit: a whole number from 1 to 500."),
    ],
)
def test_bad_api_parameters_answer_400_with_the_reason(analyst_client, url, error):
    response = analyst_client.get(url)
    assert (response.status_code, response.json()) == (400, {"error": error})


def test_bad_export_parameters_answer_400(analyst_client):
    response = analyst_client.get(reverse("export_meetings", args=["csv"]) + "?leader=%00")
    assert (response.status_code, response.content) == (
        400, b"leader: Null characters are not allowed."
    )  # fmt: skip


def test_the_next_page_link_carries_only_the_parameters_the_api_read(analyst_client):
    a, b = LeaderFactory(name="Alma Aster", slug="alma-aster"), LeaderFactory()
    for _ in range(3):
        MeetingFactory(participants=[a, b])
    answer = analyst_client.get(
        reverse("api_meetings"), {"leader": "alma-aster", "limit": "2", "utm_source": "x"}
    ).json()
    assert answer["next"].startswith(
        "http://testserver/api/meetings?leader=alma-aster&limit=2&cursor="
    )
    second = analyst_client.get(answer["next"]).json()
    assert (len(answer["results"]), len(second["results"]), second["next"]) == (2, 1, None)
