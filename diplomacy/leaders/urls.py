from django.urls import path

from diplomacy.leaders import views

# A leader's page and feed show meetings: meetings/urls.py routes them under /leaders/ too.
urlpatterns = [
    path("autocomplete/", views.leader_autocomplete, name="leader_autocomplete"),
    path("<slug:slug>/feed/revoke/", views.feed_links_revoke, name="feed_links_revoke"),
]
