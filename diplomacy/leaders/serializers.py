"""Leaders as JSON for the API and the exports."""

from diplomacy.leaders.models import Leader


def leader_ref(leader: Leader) -> dict:
    return {"id": leader.pk, "slug": leader.slug, "name": leader.name, "country": leader.country}


def leader_dict(leader: Leader) -> dict:
    return {
        **leader_ref(leader),
        "known": leader.known,
        "aliases": [a.name for a in leader.aliases.all()],
        "offices": [
            {
                "title": o.title,
                "role": o.role,
                "country": o.country,
                "start": o.start.isoformat() if o.start else None,
                "end": o.end.isoformat() if o.end else None,
            }
            for o in leader.offices.all()
        ],
    }
