from django.urls import path

from diplomacy.meetings import views

urlpatterns = [
    path("", views.timeline, name="timeline"),
    path("meetings/<int:pk>/", views.meeting_detail, name="meeting"),
]
