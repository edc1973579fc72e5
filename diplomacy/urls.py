from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

urlpatterns = [
    path("login/", auth_views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("admin/", admin.site.urls),
    path("articles/", include("diplomacy.articles.urls")),
    path("leaders/", include("diplomacy.leaders.urls")),
    path("review/", include("diplomacy.review.urls")),
    path("", include("diplomacy.meetings.urls")),
]
