from django.urls import path, re_path

from diplomacy.leaders.api import api_leaders
from diplomacy.meetings import api, article_page, leader_page, maps, network, timeline, views

urlpatterns = [
    path("", views.timeline, name="timeline"),
    path("timeline/data", timeline.timeline_data, name="timeline_data"),
    path("meetings/<int:pk>/", views.meeting_detail, name="meeting"),
    path("network/", network.network_page, name="network"),
    path("map/", maps.map_page, name="map"),
    path("statements/", views.statement_search, name="statements"),
    re_path(r"^export/meetings\.(?P<fmt>csv|json)$", api.export_meetings, name="export_meetings"),
    re_path(
        r"^export/statements\.(?P<fmt>csv|json)$", api.export_statements, name="export_statements"
    ),
    path("api/meetings", api.api_meetings, name="api_meetings"),
    path("api/statements", api.api_statements, name="api_statements"),
    path("api/leaders", api_leaders, name="api_leaders"),
    # Pages of a leader and of an article with what the record holds about them; after
    # leaders/urls.py and articles/urls.py in diplomacy/urls.py, which route the rest.
    path("leaders/<slug:slug>/", leader_page.leader_detail, name="leader"),
    path("leaders/<slug:slug>/feed/", leader_page.LeaderFeed(), name="leader_feed"),
    path("articles/<int:pk>/", article_page.article_detail, name="article"),
]
