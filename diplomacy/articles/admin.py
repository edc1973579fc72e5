from django.contrib import admin

from diplomacy.articles.models import Article


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["__str__", "source", "published", "language", "status", "created_at"]
    list_filter = ["status", "language"]
    search_fields = ["title", "url", "source"]
    readonly_fields = ["content_hash", "status_changed_at", "created_at", "attempts"]
