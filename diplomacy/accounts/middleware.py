"""Request bodies limited before anything reads them.

Django reads a body when something first asks for `request.POST` or `request.FILES`
(the CSRF check does, for every POST), and writes file parts over
FILE_UPLOAD_MAX_MEMORY_SIZE to the temporary directory. Without this middleware an
anonymous client could have any number of bytes written there before its request is
refused. It decides from the Content-Length header alone, so the body is never read:

- an anonymous request may carry no more than ANONYMOUS_BODY_MAX_BYTES (the login form's
  needs), and must say how long its body is (a chunked body gives no length: 411);
- a signed-in request may carry no more than REQUEST_BODY_MAX_BYTES (the largest
  upload and the rest of its form).

The web server and the proxy in front of it limit what reaches Django at all
(docs/deploy.md); this is the limit the application keeps if they do not.
"""

from django.conf import settings
from django.http import HttpResponse

BODYLESS = {"GET", "HEAD", "OPTIONS", "TRACE"}


def _refuse(status: int, reason: str) -> HttpResponse:
    response = HttpResponse(reason, status=status, content_type="text/plain; charset=utf-8")
    # The unread body stays on the connection: do not reuse it.
    response["Connection"] = "close"
    return response


class RequestBodyLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        refused = self._check(request)
        return refused if refused is not None else self.get_response(request)

    def _check(self, request) -> HttpResponse | None:
        raw_length = request.META.get("CONTENT_LENGTH") or ""
        chunked = "chunked" in request.META.get("HTTP_TRANSFER_ENCODING", "").lower()
        if not raw_length and not chunked and request.method in BODYLESS:
            return None
        anonymous = not request.user.is_authenticated
        if chunked or not raw_length:
            if anonymous:
                return _refuse(411, "Sign in first; a request body must say its length.")
            return None  # Django reads no more than the server hands it; limited below.
        try:
            length = int(raw_length)
        except ValueError:
            return _refuse(400, "Content-Length is not a number.")
        limit = settings.ANONYMOUS_BODY_MAX_BYTES if anonymous else settings.REQUEST_BODY_MAX_BYTES
        if length > limit:
            who = "without signing in" if anonymous else "in one request"
            return _refuse(413, f"At most {limit:,} bytes may be sent {who}.")
        return None
