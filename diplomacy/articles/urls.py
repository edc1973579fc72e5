from django.urls import path

from diplomacy.articles import views

# An article's page shows its meetings: meetings/urls.py routes it under /articles/ too.
urlpatterns = [
    path("", views.article_list, name="articles"),
    path("new/", views.article_upload, name="article_upload"),
    path("<int:pk>/edit/", views.article_edit, name="article_edit"),
    path("<int:pk>/retry/", views.article_retry, name="article_retry"),
    path("batches/<int:pk>/", views.batch_detail, name="batch"),
    path("reextract/", views.reextract_all, name="reextract_all"),
    path("feeds/", views.feed_list, name="feeds"),
    path("feeds/<int:pk>/poll/", views.feed_poll_now, name="feed_poll"),
]
