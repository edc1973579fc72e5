from django.urls import path

from diplomacy.review import quality_views, views

urlpatterns = [
    path("", views.review_queue, name="review"),
    path("quality/", quality_views.quality, name="quality"),
    path("quality/preview/", quality_views.quality_preview, name="quality_preview"),
    path("meetings/<int:pk>/", views.review_meeting, name="review_meeting"),
    path("meetings/<int:pk>/edit/", views.meeting_edit, name="meeting_edit"),
    path("meetings/<int:pk>/status/", views.meeting_status, name="meeting_status"),
    path("meetings/<int:pk>/participants/", views.participant_add, name="participant_add"),
    path(
        "meetings/<int:pk>/participants/<int:leader_id>/remove/",
        views.participant_remove,
        name="participant_remove",
    ),
    path("meetings/<int:pk>/merge/", views.meeting_merge_search, name="meeting_merge_search"),
    path("meetings/<int:pk>/merge/<int:other>/", views.meeting_merge, name="meeting_merge"),
    path("merges/<int:pk>/undo/", views.merge_undo, name="merge_undo"),
    path("meetings/<int:pk>/revert/<int:history_id>/", views.meeting_revert, name="meeting_revert"),
    path("statements/<int:pk>/", views.review_statement, name="review_statement"),
    path("statements/<int:pk>/edit/", views.statement_edit, name="statement_edit"),
    path("statements/<int:pk>/status/", views.statement_status, name="statement_status"),
    path(
        "statements/<int:pk>/revert/<int:history_id>/",
        views.statement_revert,
        name="statement_revert",
    ),
    path("leaders/<slug:slug>/", views.review_leader, name="review_leader"),
    path("leaders/<slug:slug>/edit/", views.leader_edit, name="leader_edit"),
    path("leaders/<slug:slug>/aliases/", views.alias_add, name="alias_add"),
    path(
        "leaders/<slug:slug>/aliases/<int:alias_id>/remove/",
        views.alias_remove,
        name="alias_remove",
    ),
    path("leaders/<slug:slug>/offices/", views.office_add, name="office_add"),
    path(
        "leaders/<slug:slug>/offices/<int:office_id>/remove/",
        views.office_remove,
        name="office_remove",
    ),
    path("leaders/<slug:slug>/merge/", views.leader_merge, name="leader_merge"),
    path("leaders/<slug:slug>/revert/<int:history_id>/", views.leader_revert, name="leader_revert"),
]
