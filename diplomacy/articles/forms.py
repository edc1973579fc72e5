from django import forms
from django.conf import settings
from django.core.validators import URLValidator

from diplomacy.articles.duplicates import canonical_url
from diplomacy.articles.models import Article, Feed
from diplomacy.articles.reading import ArticleText, UploadItem, UploadLimits, read_upload
from diplomacy.articles.services import EDITABLE_FIELDS

# Every URL given by a person is a web page's: http or https (Django's own URL check
# also lets ftp through), so that no other kind of link is stored or shown.
WEB_URL = [
    URLValidator(schemes=["http", "https"], message="Enter an http or https URL.", code="web_url")
]


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field (Django's documented pattern)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data]
        return [single(data, initial)] if data else []


def upload_limits() -> UploadLimits:
    return UploadLimits(
        file_bytes=settings.ARTICLE_MAX_BYTES,
        zip_files=settings.ZIP_MAX_FILES,
        zip_bytes=settings.ZIP_MAX_BYTES,
        jsonl_lines=settings.JSONL_MAX_LINES,
    )


class ArticleDetailsForm(forms.Form):
    """What is given with an article besides its text."""

    title = forms.CharField(max_length=500, required=False)
    source = forms.CharField(label="Source outlet", max_length=200, required=False)
    url = forms.URLField(
        label="URL", max_length=2000, required=False, assume_scheme="https", validators=WEB_URL
    )
    published = forms.DateField(
        label="Publication date",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text="Used to resolve 'on Wednesday' or 'last June'. "
        "Optional when the text starts with 'date YYYY-MM-DD'.",
    )


class UploadForm(ArticleDetailsForm):
    field_order = ["text", "files", "fetch_url", "title", "source", "url", "published"]

    text = forms.CharField(
        label="Paste an article",
        widget=forms.Textarea(attrs={"rows": 10}),
        required=False,
        strip=False,
    )
    files = MultipleFileField(
        label="…or upload files",
        required=False,
        help_text=".txt (UTF-8) or .html files, a .zip of them, or a JSON Lines file "
        "(one article a line: text or html, url, title, source, published); 5 MB a file.",
    )
    fetch_url = forms.URLField(
        label="…or fetch a web page", required=False, max_length=2000, assume_scheme="https",
        validators=WEB_URL,
    )  # fmt: skip

    def clean_files(self):
        uploads = self.cleaned_data.get("files") or []
        total = sum(upload.size for upload in uploads)
        if total > settings.UPLOAD_MAX_BYTES:
            raise forms.ValidationError(
                f"The files add up to {total:,} bytes; one upload may hold "
                f"{settings.UPLOAD_MAX_BYTES:,} bytes."
            )
        limits = upload_limits()
        items: list[UploadItem] = []
        for upload in uploads:
            if upload.size > max(limits.file_bytes, limits.zip_bytes):
                items.append(UploadItem(upload.name, error=f"{upload.size:,} bytes is too large."))
                continue
            items += read_upload(upload.name, upload.read(), limits)
        # One file that is not an article at all: say why, next to the field.
        if len(uploads) == 1 and len(items) == 1 and items[0].error:
            raise forms.ValidationError(f"{items[0].name}: {items[0].error}")
        return items

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        pasted = cleaned.get("text") or ""
        items: list[UploadItem] = cleaned.get("files") or []
        fetch = cleaned.get("fetch_url") or ""
        given = [bool(pasted.strip()), bool(items), bool(fetch)]
        if sum(given) > 1:
            raise forms.ValidationError("Paste text, upload files or give a URL: one at a time.")
        if not any(given):
            if pasted:
                raise forms.ValidationError("The article is empty: paste text or choose a file.")
            raise forms.ValidationError(
                "The article is empty: paste text, choose files or give a URL."
            )
        if pasted.strip():
            if len(pasted.encode("utf-8")) > settings.ARTICLE_MAX_BYTES:
                raise forms.ValidationError(
                    f"The text is over the limit of {settings.ARTICLE_MAX_BYTES:,} bytes."
                )
            items = [UploadItem("pasted text", article=ArticleText(text=pasted))]
        for item in items:
            if item.article is not None:
                found = item.article
                found.title = cleaned.get("title") or found.title
                found.source = cleaned.get("source") or found.source
                found.url = cleaned.get("url") or found.url
                found.published = cleaned.get("published") or found.published
        cleaned["items"] = items
        return cleaned


class FeedForm(forms.ModelForm):
    url = forms.URLField(
        label="Feed URL (RSS or Atom)", max_length=2000, assume_scheme="https", validators=WEB_URL
    )

    class Meta:
        model = Feed
        fields = ["url", "title"]
        labels = {"url": "Feed URL (RSS or Atom)"}


class ArticleEditForm(ArticleDetailsForm):
    """An admin's correction of what was given with an article (its text stays as stored)."""

    version = forms.IntegerField(widget=forms.HiddenInput)
    field_order = ["version", "title", "source", "url", "published"]
    PUBLISHED_HELP = (
        "Relative dates in the text ('on Monday', 'last June') are resolved against it: "
        "changing it extracts the article again. Editors' corrections of its meetings and "
        "statements are kept."
    )

    def __init__(self, *args, article: Article, **kwargs):
        kwargs.setdefault(
            "initial",
            {name: getattr(article, name) for name in ("version", *EDITABLE_FIELDS)},
        )
        super().__init__(*args, **kwargs)
        self.fields["published"].help_text = self.PUBLISHED_HELP
        self.article = article

    def clean_url(self):
        url = self.cleaned_data["url"]
        found = canonical_url(url)
        if found:
            other = Article.objects.filter(canonical_url=found).exclude(pk=self.article.pk)
            if other := other.only("pk", "title").first():
                raise forms.ValidationError(
                    f"Another article has this URL: {other} (number {other.pk})."
                )
        return url
