from django.urls import path

from diplomacy.leaders import views

urlpatterns = [
    path("autocomplete/", views.leader_autocomplete, name="leader_autocomplete"),
    path("<slug:slug>/", views.leader_detail, name="leader"),
    path("<slug:slug>/feed/", views.LeaderFeed(), name="leader_feed"),
    path("<slug:slug>/feed/revoke/", views.feed_links_revoke, name="feed_links_revoke"),
]
