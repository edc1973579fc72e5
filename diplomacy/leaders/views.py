"""The leader autocomplete, and ending one's feed links. (A leader's page and feed show
meetings: they are meetings' views, meetings/leader_page.py.)"""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from diplomacy.accounts.feed_tokens import feed_key_rotate
from diplomacy.leaders.models import normalize_name
from diplomacy.leaders.selectors import leaders_typed


@require_POST
def feed_links_revoke(request, slug: str):
    """End every feed link this user was given, for every leader (a link leaked)."""
    feed_key_rotate(request.user)
    messages.success(
        request, "Your feed links no longer work. Subscribe again with the new link below."
    )
    return redirect("leader", slug)


def leader_autocomplete(request):
    """Suggestions for the leader filter: <option>s for a <datalist>."""
    typed = normalize_name(request.GET.get("leader") or request.GET.get("speaker") or "")
    leaders = []
    if len(typed) >= 2:
        leaders = leaders_typed(typed).only("name", "slug", "country")[:20]
    return render(request, "leaders/autocomplete.html", {"leaders": leaders})
