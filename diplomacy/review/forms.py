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


class MergeForm(forms.Form):
    other = forms.IntegerField(label="Merge with meeting number", min_value=1)


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
    other = forms.CharField(
        label="Merge this duplicate into it", help_text="The other leader's name or slug"
    )
