from django.contrib import admin

from diplomacy.articles.models import Article, Batch, Feed, FeedEntry


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["__str__", "source", "published", "language", "status", "created_at"]
    list_filter = ["status", "language"]
    search_fields = ["title", "url", "source"]
    readonly_fields = ["content_hash", "status_changed_at", "created_at", "attempts"]


@admin.register(Batch)
class BatchAdmin(admin.ModelAdmin):
    list_display = ["__str__", "created_by", "created_at"]


@admin.register(Feed)
class FeedAdmin(admin.ModelAdmin):
    list_display = ["__str__", "url", "active", "last_polled_at", "last_error"]
    list_filter = ["active"]


@admin.register(FeedEntry)
class FeedEntryAdmin(admin.ModelAdmin):
    list_display = ["url", "feed", "seen_at", "article", "error"]
    raw_id_fields = ["article"]
