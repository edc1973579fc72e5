from django import forms

from diplomacy.leaders.models import Role
from diplomacy.meetings.models import Meeting, Precision, Statement


class MeetingEditForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput)

    class Meta:
        model = Meeting
        fields = ["date", "date_precision", "place", "country", "kind", "occasion"]
        widgets = {"date": forms.DateInput(attrs={"type": "date"})}
        help_texts = {"date": "For a month or a year, the first day of it."}

    def clean_country(self):
        return self.cleaned_data["country"].upper()

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("date") and not cleaned.get("date_precision"):
            self.add_error("date_precision", "Say how precise the date is.")
        if cleaned.get("date_precision") and not cleaned.get("date"):
            self.add_error("date", "Give the date, or clear its precision.")
        day, precision = cleaned.get("date"), cleaned.get("date_precision")
        if day and precision == Precision.MONTH and day.day != 1:
            cleaned["date"] = day.replace(day=1)
        if day and precision == Precision.YEAR and (day.month, day.day) != (1, 1):
            cleaned["date"] = day.replace(month=1, day=1)
        return cleaned


class StatementEditForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput)
    speaker_name = forms.CharField(label="Speaker", help_text="A name or alias in any language")

    class Meta:
        model = Statement
        fields = ["text", "kind", "meeting"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, meetings=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meeting"].queryset = (
            meetings if meetings is not None else Meeting.objects.none()
        )
        self.fields["meeting"].required = False
        if self.instance.pk and not self.is_bound:
            self.initial["speaker_name"] = self.instance.speaker.name

    def clean_speaker_name(self):
        from diplomacy.meetings.filters import leader_from_param

        leader = leader_from_param(self.cleaned_data["speaker_name"])
        if leader is None:
            raise forms.ValidationError("No leader by this name. Add them as an alias first.")
        return leader


class ParticipantAddForm(forms.Form):
    leader = forms.CharField(label="Add a participant", help_text="A name or alias")

    def clean_leader(self):
        from diplomacy.meetings.filters import leader_from_param

        leader = leader_from_param(self.cleaned_data["leader"])
        if leader is None:
            raise forms.ValidationError("No leader by this name.")
        return leader


class MeetingSearchForm(forms.Form):
    q = forms.CharField(
        label="Find the duplicate meeting", required=False,
        help_text="Participants' names and a date (2025, 2025-09 or 2025-09-03)",
    )  # fmt: skip


class LeaderEditForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    name = forms.CharField(max_length=200, label="Canonical name (English)")
    country = forms.CharField(max_length=2, required=False, help_text="ISO 3166-1 alpha-2")

    def clean_country(self):
        return self.cleaned_data["country"].upper()


class AliasForm(forms.Form):
    alias = forms.CharField(max_length=200, label="New alias", help_text="Any language or script")
    language = forms.CharField(max_length=8, required=False)


class OfficeForm(forms.Form):
    title = forms.CharField(max_length=200)
    role = forms.ChoiceField(choices=Role.choices)
    office_country = forms.CharField(max_length=12, required=False, label="Country")
    start = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("start") and cleaned.get("end") and cleaned["end"] < cleaned["start"]:
            self.add_error("end", "An office cannot end before it starts.")
        return cleaned


class LeaderMergeForm(forms.Form):
    """The duplicate to merge into `keep`, by name (the leader autocomplete fills it in,
    hence the field's name), alias or slug; never `keep` or a leader already merged."""

    leader = forms.CharField(
        label="Merge this duplicate into it", help_text="The other leader's name, alias or slug"
    )

    def __init__(self, *args, keep=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.keep = keep

    def clean_leader(self):
        from diplomacy.leaders.models import Leader, normalize_name

        typed = self.cleaned_data["leader"].strip()
        others = Leader.objects.filter(merged_into=None)
        if self.keep is not None:
            others = others.exclude(pk=self.keep.pk)
        by_slug = others.filter(slug=typed).first()
        if by_slug is not None:
            return by_slug
        found = list(others.filter(name__iexact=typed)[:2]) or list(
            others.filter(aliases__normalized=normalize_name(typed)).distinct()[:2]
        )
        if not found:
            raise forms.ValidationError("No other leader by this name.")
        if len(found) > 1:
            raise forms.ValidationError(
                f"More than one leader is called “{typed}”: give the slug "
                f"({found[0].slug}, {found[1].slug}, …)."
            )
        return found[0]


class QueueFilter(forms.Form):
    """The review queue's GET parameters; a value that does not clean answers 400."""

    type = forms.ChoiceField(
        required=False, choices=[("meetings", "Meetings"), ("statements", "Statements")]
    )
    article = forms.IntegerField(required=False, min_value=1, max_value=2**63 - 1)
    leader = forms.CharField(required=False, max_length=200)
    kind = forms.ChoiceField(required=False, choices=[("", "Any kind"), *Meeting.Kind.choices])
    source = forms.ChoiceField(
        required=False, choices=[("", "Any"), ("imported", "Imported"), ("articles", "Articles")]
    )
    # The cursor the queue gives out: "confidence:id".
    after = forms.RegexField(
        required=False, regex=r"\A[0-9.eE+-]{1,32}:[0-9]{1,18}\Z", error_messages={
            "invalid": "Not a cursor this site gave out."
        },
    )  # fmt: skip

    def clean_after(self) -> tuple[float, int] | None:
        if not (value := self.cleaned_data["after"]):
            return None
        confidence, _, pk = value.partition(":")
        try:
            return float(confidence), int(pk)
        except ValueError:
            raise forms.ValidationError("Not a cursor this site gave out.") from None
