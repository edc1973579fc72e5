"""Tokens in feed links: a feed reader has no session, so the link carries the right.

A token is signed with SECRET_KEY (Django's TimestampSigner) and says which user and
which leader it is for, and when it was made. It also holds a fingerprint of the user's
password hash and feed key, as Django's password-reset tokens do, so without storing
any token:

- it works for that one leader only, and only while the user is active;
- it expires FEED_TOKEN_DAYS after it was made (the leader page gives out a fresh one);
- a password change ends every token the user was given (the hash changes);
- so does "revoke feed links" (`feed_key_rotate`: a new random feed key), for a link
  that leaked while the password did not.
"""

import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.utils.crypto import constant_time_compare, salted_hmac

from diplomacy.accounts.models import FeedKey

SALT = "diplomacy.leader-feed.v2"


def _fingerprint(user) -> str:
    key = FeedKey.objects.filter(user=user).values_list("secret", flat=True).first() or ""
    return salted_hmac(SALT, f"{user.password}|{key}", algorithm="sha256").hexdigest()[:32]


def feed_token(user, leader) -> str:
    payload = {"u": user.pk, "l": leader.pk, "k": _fingerprint(user)}
    return signing.TimestampSigner(salt=SALT).sign_object(payload, compress=True)


def feed_token_valid(token: str, leader) -> bool:
    """Whether the token was given out for this leader by an active user, is younger
    than FEED_TOKEN_DAYS, and neither a password change nor a revoke came since."""
    try:
        payload = signing.TimestampSigner(salt=SALT).unsign_object(
            token, max_age=timedelta(days=settings.FEED_TOKEN_DAYS)
        )
    except (signing.BadSignature, ValueError):
        return False
    if not isinstance(payload, dict) or payload.get("l") != leader.pk:
        return False
    user = get_user_model().objects.filter(pk=payload.get("u"), is_active=True).first()
    return user is not None and constant_time_compare(str(payload.get("k")), _fingerprint(user))


def feed_key_rotate(user) -> None:
    """Revoke every feed link the user was given."""
    FeedKey.objects.update_or_create(user=user, defaults={"secret": secrets.token_hex(32)})
