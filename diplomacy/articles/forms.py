from django import forms
from django.conf import settings

from diplomacy.articles.reading import ArticleText, UnreadableArticle, read_article


class UploadForm(forms.Form):
    text = forms.CharField(
        label="Paste the article",
        widget=forms.Textarea(attrs={"rows": 12}),
        required=False,
        strip=False,
    )
    file = forms.FileField(
        label="…or upload a file", required=False, help_text=".txt (UTF-8) or .html, up to 5 MB"
    )
    title = forms.CharField(max_length=500, required=False)
    source = forms.CharField(label="Source outlet", max_length=200, required=False)
    url = forms.URLField(label="URL", max_length=2000, required=False, assume_scheme="https")
    published = forms.DateField(
        label="Publication date",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text="Used to resolve 'on Wednesday' or 'last June'. "
        "Optional when the text starts with 'date YYYY-MM-DD'.",
    )

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload is None:
            return None
        limit = settings.ARTICLE_MAX_BYTES
        if upload.size > limit:
            raise forms.ValidationError(
                f"The file is {upload.size:,} bytes; the limit is {limit:,} bytes."
            )
        try:
            return read_article(upload.name, upload.read(), max_bytes=limit)
        except UnreadableArticle as error:
            raise forms.ValidationError(str(error)) from None

    def clean(self):
        cleaned = super().clean()
        pasted = cleaned.get("text") or ""
        from_file: ArticleText | None = cleaned.get("file")
        if self.errors:
            return cleaned
        if pasted.strip() and from_file:
            raise forms.ValidationError("Paste text or upload a file, not both.")
        if from_file is None:
            if not pasted.strip():
                raise forms.ValidationError("The article is empty: paste text or choose a file.")
            if len(pasted.encode("utf-8")) > settings.ARTICLE_MAX_BYTES:
                raise forms.ValidationError(
                    f"The text is over the limit of {settings.ARTICLE_MAX_BYTES:,} bytes."
                )
            from_file = ArticleText(text=pasted)
        cleaned["article"] = ArticleText(
            text=from_file.text,
            title=cleaned.get("title") or from_file.title,
            source=cleaned.get("source") or from_file.source,
            url=cleaned.get("url") or from_file.url,
            published=cleaned.get("published") or from_file.published,
        )
        return cleaned
