from diplomacy.accounts.roles import role_of


def role(request):
    return {"role": role_of(request.user) if hasattr(request, "user") else None}
