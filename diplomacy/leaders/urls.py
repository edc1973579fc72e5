from django.urls import path

from diplomacy.leaders import views

urlpatterns = [
    path("<slug:slug>/", views.leader_detail, name="leader"),
]
