"""The secretariat's forms to set up a consultation, its phases and its calls.

Dates are typed in the event's time zone, never the server's: the views validate these forms
inside `timezone.override(<event zone>)`, and a phase held elsewhere (Katowice) re-reads its
times in its own zone."""

import zoneinfo

from django import forms
from django.utils import timezone
from django.utils.translation import gettext as _

from convoca.questionnaires.editor import localized

from .models import TIME_ZONES, Call, Consultation, Phase

RESERVED_SLUGS = {"new"}
LOCAL = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


def in_zone(moment, zone_name: str):
    """The same wall-clock time, read in `zone_name` instead of the active zone."""
    if moment is None:
        return None
    wall = timezone.make_naive(moment, timezone.get_current_timezone())
    return timezone.make_aware(wall, zoneinfo.ZoneInfo(zone_name))


class ConsultationForm(forms.ModelForm):
    time_zone = forms.ChoiceField(choices=TIME_ZONES, initial="Europe/Zurich")

    class Meta:
        model = Consultation
        fields = [
            "slug",
            "edition",
            *localized("title"),
            *localized("description"),
            "time_zone",
            "is_public",
        ]

    def clean_slug(self):
        slug = self.cleaned_data["slug"]
        if slug in RESERVED_SLUGS:
            raise forms.ValidationError(_("This address is reserved; choose another."))
        return slug


class PhaseForm(forms.ModelForm):
    time_zone = forms.ChoiceField(choices=[("", "—"), *TIME_ZONES], required=False)

    class Meta:
        model = Phase
        fields = [
            "number",
            "kind",
            *localized("title"),
            "starts_at",
            "ends_at",
            "time_zone",
            "venue",
            "join_url",
            "remote_participation",
            *localized("description"),
            *localized("outcome"),
        ]
        widgets = {"starts_at": LOCAL, "ends_at": LOCAL}

    def clean(self):
        data = super().clean()
        zone = data.get("time_zone")
        if zone:
            for field in ("starts_at", "ends_at"):
                data[field] = in_zone(data.get(field), zone)
        if data.get("starts_at") and data.get("ends_at") and data["ends_at"] < data["starts_at"]:
            self.add_error("ends_at", _("A phase cannot end before it starts."))
        return data


PhaseFormSet = forms.inlineformset_factory(
    Consultation, Phase, form=PhaseForm, extra=1, can_delete=True
)


class CallForm(forms.ModelForm):
    time_zone = forms.ChoiceField(choices=TIME_ZONES, initial="Europe/Zurich")

    class Meta:
        model = Call
        fields = [
            "kind",
            "slug",
            *localized("title"),
            *localized("description"),
            "opens_at",
            "closes_at",
            "time_zone",
            "limit_per_submitter",
            "limit_per_organization",
            "requires_organization",
            "gender_balance_blocks",
            "binding",
        ]
        widgets = {"opens_at": LOCAL, "closes_at": LOCAL}

    def clean(self):
        data = super().clean()
        if data.get("opens_at") and data.get("closes_at") and data["closes_at"] <= data["opens_at"]:
            self.add_error("closes_at", _("The deadline must come after the opening."))
        return data
