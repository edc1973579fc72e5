from django.conf import settings
from django.db import models


class FeedKey(models.Model):
    """A user's key for feed links (accounts/feed_tokens.py): replacing it revokes every
    feed link the user was given. A user who never revoked has none."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="feed_key"
    )
    secret = models.CharField(max_length=64)
    rotated_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"Feed key of {self.user}"
