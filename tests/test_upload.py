"""Uploading articles: who may, what is stored, and clear errors for bad input."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from diplomacy.articles.models import Article

pytestmark = pytest.mark.django_db

UPLOAD = reverse("article_upload")


def _file(name: str, data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="application/octet-stream")


@pytest.mark.parametrize("url", [reverse("timeline"), UPLOAD, reverse("articles")])
def test_anonymous_user_is_redirected_to_login(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('login')}?next={url}"


def test_analyst_gets_403_from_upload(analyst_client):
    assert analyst_client.get(UPLOAD).status_code == 403
    assert analyst_client.post(UPLOAD, {"text": "date 2025-01-01 Anything."}).status_code == 403
    assert Article.objects.count() == 0


def test_editor_gets_403_from_upload(editor_client):
    assert editor_client.post(UPLOAD, {"text": "Anything at all."}).status_code == 403


def test_admin_sees_upload_form(admin_client):
    response = admin_client.get(UPLOAD)
    assert response.status_code == 200
    assert b'name="text"' in response.content


def test_pasted_article_is_stored_then_queued(admin_client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        response = admin_client.post(
            UPLOAD, {"text": "Two leaders met in Paris.", "published": "2025-03-04"}
        )
    article = Article.objects.get()
    assert response.status_code == 302
    assert response["Location"] == article.get_absolute_url()
    assert (article.status, article.published.isoformat()) == ("queued", "2025-03-04")
    assert article.uploaded_by.username == "admin"
    assert len(callbacks) == 1


def test_date_marker_gives_publication_date(admin_client):
    admin_client.post(UPLOAD, {"text": " date 2024-06-19 Leaders met."})
    assert Article.objects.get().published.isoformat() == "2024-06-19"


def test_uploaded_text_file_is_stored(admin_client):
    data = "date 2025-09-03\nUn articol în română, cu diacritice: ș ț ă.".encode()
    admin_client.post(UPLOAD, {"files": _file("article.txt", data)})
    article = Article.objects.get()
    assert article.text == data.decode()
    assert article.title == "Un articol în română, cu diacritice: ș ț ă."


def test_html_file_gives_main_text_and_title(admin_client):
    html = (
        "<!doctype html><html><head><title>Summit in Rome</title>"
        '<meta property="og:site_name" content="Example News"></head><body>'
        "<nav>Home | World | Sport</nav><article><h1>Summit in Rome</h1>"
        + "".join(
            f"<p>Paragraph {n}: the two presidents met in Rome on Tuesday and talked "
            "about trade, energy and the war for a long time.</p>"
            for n in range(6)
        )
        + "</article><footer>Copyright</footer></body></html>"
    )
    admin_client.post(UPLOAD, {"files": _file("page.html", html.encode())})
    article = Article.objects.get()
    assert article.title == "Summit in Rome"
    assert "Paragraph 0: the two presidents met in Rome" in article.text
    assert "Home | World" not in article.text


def test_same_text_again_says_it_exists_and_links_to_it(admin_client):
    admin_client.post(UPLOAD, {"text": "The same article text."})
    first = Article.objects.get()
    response = admin_client.post(UPLOAD, {"text": "The  same article\ntext.  "})
    assert response.status_code == 409
    assert b"already exists" in response.content
    assert first.get_absolute_url().encode() in response.content
    assert Article.objects.count() == 1


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        ({"text": "   \n  "}, "The article is empty"),
        ({"files": _file("empty.txt", b"")}, "The submitted file is empty."),
        ({"files": _file("blank.txt", b" \n\n ")}, "The file is empty."),
        ({"files": _file("image.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")}, "looks binary"),
        ({"files": _file("latin1.txt", "Paris, café, été".encode("latin-1"))}, "not UTF-8"),
    ],
)
def test_bad_upload_is_refused_with_a_reason_and_stores_nothing(admin_client, payload, message):
    response = admin_client.post(UPLOAD, payload)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert Article.objects.count() == 0


def test_file_over_five_megabytes_is_refused(admin_client):
    data = b"a" * (5 * 1024 * 1024 + 1)
    response = admin_client.post(UPLOAD, {"files": _file("big.txt", data)})
    assert response.status_code == 400
    assert "the limit is 5,242,880 bytes" in response.content.decode()
    assert Article.objects.count() == 0


@override_settings(ARTICLE_MAX_BYTES=1000)
def test_pasted_text_over_the_limit_is_refused(admin_client):
    response = admin_client.post(UPLOAD, {"text": "é" * 600})
    assert response.status_code == 400
    assert "over the limit of 1,000 bytes" in response.content.decode()
    assert Article.objects.count() == 0
