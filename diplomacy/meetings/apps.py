from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "diplomacy.meetings"
