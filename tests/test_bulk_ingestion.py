"""Admins feed many articles at once: files, archives, JSON Lines, URLs."""

import io
import json
import threading
import zipfile
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from diplomacy.articles import services
from diplomacy.articles.fetching import FetchError, fetch_article
from diplomacy.articles.models import Article, Batch

pytestmark = pytest.mark.django_db

UPLOAD = reverse("article_upload")


def _file(name: str, data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="application/octet-stream")


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _outcomes(response) -> list[tuple[str, str]]:
    return [
        (o.name, "stored" if o.article else "duplicate" if o.duplicate else o.error)
        for o in response.context["outcomes"]
    ]


def test_several_files_at_once_make_a_batch(admin_client):
    response = admin_client.post(
        UPLOAD,
        {"files": [_file("a.txt", b"date 2025-01-01 First."), _file("b.txt", b"Second one.")]},
    )
    assert response.status_code == 200
    assert _outcomes(response) == [("a.txt", "stored"), ("b.txt", "stored")]
    batch = Batch.objects.get()
    assert sorted(batch.articles.values_list("text", flat=True)) == [
        "Second one.",
        "date 2025-01-01 First.",
    ]


def test_zip_is_read_member_by_member_with_a_reason_for_each_refusal(admin_client):
    archive = _zip(
        {
            "one.txt": b"The first article.",
            "two.html": b"<html><body><article><p>"
            + b"The second article, in HTML, with enough words to count as text. " * 5
            + b"</p></article></body></html>",
            "photo.png": b"\x89PNG\r\n\x1a\n",
            "inner.txt": _zip({"x.txt": b"nested"}),
            "latin.txt": "caf\xe9".encode("latin-1"),
        }
    )
    response = admin_client.post(UPLOAD, {"files": [_file("news.zip", archive)]})
    outcomes = dict(_outcomes(response))
    assert outcomes["news.zip: one.txt"] == "stored"
    assert outcomes["news.zip: two.html"] == "stored"
    assert outcomes["news.zip: photo.png"] == "only .txt and .html files are read from a .zip."
    assert outcomes["news.zip: inner.txt"] == "archives inside archives are not read."
    assert "not UTF-8" in outcomes["news.zip: latin.txt"]
    assert Article.objects.count() == 2


@override_settings(ZIP_MAX_FILES=2)
def test_zip_with_too_many_files_is_refused_whole(admin_client):
    archive = _zip({f"{n}.txt": b"text" for n in range(3)})
    response = admin_client.post(UPLOAD, {"files": [_file("many.zip", archive)]})
    assert response.status_code == 400
    assert "3 files; at most 2." in response.content.decode()
    assert Article.objects.count() == 0


@override_settings(ZIP_MAX_BYTES=1000)
def test_zip_that_unpacks_too_large_is_refused_before_unpacking(admin_client):
    archive = _zip({"big.txt": b"a" * 5000})
    assert len(archive) < 1000
    response = admin_client.post(UPLOAD, {"files": [_file("bomb.zip", archive)]})
    assert response.status_code == 400
    assert "unpacks to 5,000 bytes; at most 1,000 bytes." in response.content.decode()


def test_damaged_zip_is_refused(admin_client):
    response = admin_client.post(UPLOAD, {"files": [_file("x.zip", b"PK\x03\x04broken")]})
    assert response.status_code == 400
    assert "The .zip file is damaged." in response.content.decode()


def test_json_lines_one_article_a_line(admin_client):
    lines = [
        {"text": "A text article.", "url": "https://example.org/a", "title": "A",
         "source": "Example", "published": "2025-02-03"},
        {"html": "<html><body><article><p>" + "An HTML article with words. " * 10
                 + "</p></article></body></html>", "title": "B"},
        {"title": "no body"},
        {"text": "Bad date.", "published": "03/02/2025"},
        [1, 2],
    ]  # fmt: skip
    data = "\n".join(json.dumps(line) for line in lines) + "\n{not json\n"
    response = admin_client.post(UPLOAD, {"files": [_file("feed.jsonl", data.encode())]})
    assert _outcomes(response) == [
        ("feed.jsonl line 1", "stored"),
        ("feed.jsonl line 2", "stored"),
        ("feed.jsonl line 3", "no 'text' or 'html' with an article in it."),
        ("feed.jsonl line 4", "'published' is not a YYYY-MM-DD date."),
        ("feed.jsonl line 5", "each line must be a JSON object."),
        ("feed.jsonl line 6", "not valid JSON (JSONDecodeError)."),
    ]
    first = Article.objects.get(title="A")
    assert (first.url, first.source, first.published.isoformat()) == (
        "https://example.org/a", "Example", "2025-02-03"
    )  # fmt: skip


def test_deeply_nested_json_is_refused(admin_client):
    nested = {"text": "x"}
    for _ in range(50):
        nested = {"a": nested}
    nested["text"] = "Deep."
    response = admin_client.post(
        UPLOAD, {"files": [_file("deep.jsonl", (json.dumps(nested) + "\n").encode())]}
    )
    assert response.status_code == 400
    assert "nested too deeply" in response.content.decode()


def test_batch_page_counts_and_stops_polling_when_finished(admin_client):
    admin_client.post(UPLOAD, {"files": [_file("a.txt", b"One."), _file("b.txt", b"Two.")]})
    batch = Batch.objects.get()
    page = admin_client.get(batch.get_absolute_url(), headers={"HX-Request": "true"})
    assert page.context["counts"] == {"queued": 2, "processing": 0, "done": 0, "failed": 0}
    assert b'hx-trigger="every 2s"' in page.content
    first, second = batch.articles.order_by("pk")
    Article.objects.filter(pk=first.pk).update(status="done")
    Article.objects.filter(pk=second.pk).update(status="failed", error="ValueError: bad")
    page = admin_client.get(batch.get_absolute_url(), headers={"HX-Request": "true"})
    assert page.context["counts"] == {"queued": 0, "processing": 0, "done": 1, "failed": 1}
    assert b"hx-trigger" not in page.content
    assert b"ValueError: bad" in page.content
    assert reverse("article_retry", args=[second.pk]).encode() in page.content


def test_reextract_all_queues_finished_articles(admin_client, django_capture_on_commit_callbacks):
    done = services.article_create(text="Done one.")
    failed = services.article_create(text="Failed one.")
    waiting = services.article_create(text="Waiting one.")
    Article.objects.filter(pk=done.pk).update(status="done")
    Article.objects.filter(pk=failed.pk).update(status="failed", error="x")
    with django_capture_on_commit_callbacks() as callbacks:
        admin_client.post(reverse("reextract_all"))
    assert dict(Article.objects.values_list("pk", "status")) == {
        done.pk: "queued", failed.pk: "queued", waiting.pk: "queued"
    }  # fmt: skip
    assert len(callbacks) == 2


# --- fetching ----------------------------------------------------------------------

PAGE = (
    "<html><head><title>Talks in Rome</title></head><body><article><h1>Talks in Rome</h1>"
    + "<p>Giorgia Meloni met Emmanuel Macron in Rome on Monday for long talks.</p>" * 6
    + "</article></body></html>"
).encode()


class _Site(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 - the standard library's name
        if self.path == "/article":
            self._reply(200, PAGE, "text/html; charset=utf-8")
        elif self.path == "/moved":
            self.send_response(302)
            self.send_header("Location", "/article")
            self.end_headers()
        elif self.path == "/loop":
            self.send_response(302)
            self.send_header("Location", "/loop")
            self.end_headers()
        elif self.path == "/huge":
            self._reply(200, b"<html>" + b"x" * 20000 + b"</html>", "text/html")
        else:
            self._reply(404, b"not here", "text/plain")

    def _reply(self, status, body, content_type):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def site():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Site)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@override_settings(FETCH_ALLOW_PRIVATE=True)
def test_fetching_a_page_follows_redirects_and_reads_the_main_text(site):
    found = fetch_article(f"{site}/moved")
    assert found.url == f"{site}/article"
    assert found.title == "Talks in Rome"
    assert "Giorgia Meloni met Emmanuel Macron in Rome" in found.text


def test_loopback_and_private_addresses_are_refused(site):
    with pytest.raises(FetchError, match="private or reserved address"):
        fetch_article(f"{site}/article")
    for url in ("http://10.1.2.3/x", "http://169.254.169.254/latest/meta-data", "http://[::1]/"):
        with pytest.raises(FetchError, match="private or reserved address"):
            fetch_article(url)


@pytest.mark.parametrize(
    ("path", "message"),
    [("/loop", "Too many redirects"), ("/missing", "answered HTTP 404"),
     ("/huge", "larger than 10,000 bytes")],
)  # fmt: skip
@override_settings(FETCH_ALLOW_PRIVATE=True, FETCH_MAX_BYTES=10_000)
def test_fetch_errors_are_clear(site, path, message):
    with pytest.raises(FetchError, match=message):
        fetch_article(f"{site}{path}")


def test_only_http_and_https():
    with pytest.raises(FetchError, match="Only http and https"):
        fetch_article("ftp://example.org/file.txt")


@override_settings(FETCH_ALLOW_PRIVATE=True)
def test_admin_fetches_a_url_from_the_upload_page(admin_client, site):
    response = admin_client.post(UPLOAD, {"fetch_url": f"{site}/moved"})
    article = Article.objects.get()
    assert response["Location"] == article.get_absolute_url()
    assert (article.url, article.title) == (f"{site}/article", "Talks in Rome")
    again = admin_client.post(UPLOAD, {"fetch_url": f"{site}/article"})
    assert again.status_code == 409


def test_fetch_error_is_shown_next_to_the_field(admin_client, site):
    response = admin_client.post(UPLOAD, {"fetch_url": f"{site}/article"})
    assert response.status_code == 400
    assert "private or reserved address" in response.content.decode()
    assert Article.objects.count() == 0


# --- feeds -------------------------------------------------------------------------


def _rss(site: str, items: list[str]) -> bytes:
    entries = "".join(
        f"<item><title>{i}</title><link>{site}/{i}</link><guid>{site}/{i}</guid></item>"
        for i in items
    )
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Example Wire</title>'
        f"<link>{site}</link><description>News</description>{entries}</channel></rss>"
    ).encode()


class _FeedSite(BaseHTTPRequestHandler):
    items: list[str] = []

    def do_GET(self):  # noqa: N802 - the standard library's name
        site = f"http://{self.headers['Host']}"
        if self.path == "/feed.xml":
            body, kind = _rss(site, self.items), "application/rss+xml"
        else:
            name = self.path.strip("/")
            body = (
                f"<html><head><title>Story {name}</title></head><body><article>"
                + f"<p>Story {name}: the two foreign ministers met in Vienna for talks.</p>" * 8
                + "</article></body></html>"
            ).encode()
            kind = "text/html"
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def feed_site():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _FeedSite)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@override_settings(FETCH_ALLOW_PRIVATE=True)
def test_each_feed_entry_is_ingested_once(feed_site, monkeypatch):
    from diplomacy.articles.feeds import feed_entry_ingest, feed_poll
    from diplomacy.articles.models import Feed, FeedEntry

    monkeypatch.setattr(_FeedSite, "items", ["one", "two"])
    feed = Feed.objects.create(url=f"{feed_site}/feed.xml")
    for entry_id in feed_poll(feed.pk):
        feed_entry_ingest(entry_id)
    assert sorted(Article.objects.values_list("title", flat=True)) == ["Story one", "Story two"]
    assert feed_poll(feed.pk) == []  # nothing new: nothing taken twice
    monkeypatch.setattr(_FeedSite, "items", ["one", "two", "three"])
    new = feed_poll(feed.pk)
    assert len(new) == 1
    feed_entry_ingest(new[0])
    feed_entry_ingest(new[0])  # delivered twice: still one article
    assert Article.objects.count() == 3
    assert FeedEntry.objects.filter(article=None).count() == 0
    feed.refresh_from_db()
    assert (feed.title, feed.last_error) == ("Example Wire", "")


def test_unreachable_feed_records_its_error(db):
    from diplomacy.articles.feeds import feed_poll
    from diplomacy.articles.models import Feed

    feed = Feed.objects.create(url="http://127.0.0.1:9/feed.xml")
    assert feed_poll(feed.pk) == []
    feed.refresh_from_db()
    assert "private or reserved address" in feed.last_error


def test_admin_subscribes_to_a_feed(admin_client, django_capture_on_commit_callbacks):
    from diplomacy.articles.models import Feed

    with django_capture_on_commit_callbacks() as callbacks:
        response = admin_client.post(reverse("feeds"), {"url": "https://example.org/rss"})
    assert response.status_code == 302
    assert Feed.objects.get().url == "https://example.org/rss"
    assert len(callbacks) == 1
