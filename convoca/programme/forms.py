import datetime as dt

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from convoca.taxonomy.models import SDG, ActionLine

from .models import Edition

ALL_DAYS = "all"
INVALID_CHOICE = {"invalid_choice": _("“%(value)s” is not one of the choices.")}


class DayField(forms.ChoiceField):
    """A day of the programme as an ISO date (2022-05-31), or "all". The choices are only the
    days that have sessions, but any well-formed date is accepted: a day without sessions
    shows an empty programme, not an error."""

    default_error_messages = {
        "invalid_choice": _("“%(value)s” is not a day: use a date like 2022-05-31."),
    }

    def to_python(self, value):
        value = super().to_python(value).strip()
        if value in ("", ALL_DAYS):
            return value
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise forms.ValidationError(
                self.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": value},
            ) from None

    def validate(self, value):
        if self.required and value in self.empty_values:
            raise forms.ValidationError(self.error_messages["required"], code="required")


class CodeChoiceField(forms.ChoiceField):
    """An action line code, typed in any case: c5 is C5."""

    def to_python(self, value):
        return super().to_python(value).strip().upper()


class ProgrammeFilterForm(forms.Form):
    """The public programme's filters, read from the query string. A malformed value is
    reported on its field; the other filters still apply."""

    day = DayField(label=_("Day"), required=False)
    track = forms.ChoiceField(label=_("Track"), required=False, error_messages=INVALID_CHOICE)
    type = forms.ChoiceField(label=_("Type"), required=False, error_messages=INVALID_CHOICE)
    room = forms.ChoiceField(label=_("Room"), required=False, error_messages=INVALID_CHOICE)
    action_line = CodeChoiceField(
        label=_("Action Line"),
        required=False,
        error_messages={"invalid_choice": _("There is no action line “%(value)s”.")},
    )
    sdg = forms.TypedChoiceField(
        label=_("SDG"),
        required=False,
        coerce=int,
        empty_value=None,
        error_messages={
            "invalid_choice": _("There is no SDG “%(value)s”: the goals are numbered 1 to 17.")
        },
    )
    language = forms.ChoiceField(label=_("Language"), required=False, error_messages=INVALID_CHOICE)
    format = forms.ChoiceField(
        label=_("Format"),
        required=False,
        choices=[
            ("", _("In person or virtual")),
            ("in_person", _("In person")),
            ("virtual", _("Virtual")),
        ],
        error_messages=INVALID_CHOICE,
    )
    q = forms.CharField(label=_("Search"), required=False, max_length=100)

    def __init__(self, data=None, *, edition: Edition):
        super().__init__(data)
        self.fields["day"].choices = [("", _("First day")), (ALL_DAYS, _("All days"))]
        self.fields["track"].choices = [
            ("", _("All tracks")),
            *((t.slug, t.name) for t in edition.tracks.all()),
        ]
        self.fields["type"].choices = [
            ("", _("All types")),
            *((t.slug, t.name) for t in edition.session_types.all()),
        ]
        self.fields["room"].choices = [
            ("", _("All rooms")),
            *((r.slug, r.name) for r in edition.rooms.all()),
        ]
        self.fields["action_line"].choices = [
            ("", _("All action lines")),
            *((line.code, f"{line.code} {line.name}") for line in ActionLine.objects.all()),
        ]
        self.fields["sdg"].choices = [
            ("", _("All goals")),
            *((sdg.number, str(sdg)) for sdg in SDG.objects.all()),
        ]
        self.fields["language"].choices = [
            ("", _("All languages")),
            *((code, settings.LANGUAGE_NAMES_IN_ENGLISH[code]) for code, _n in settings.LANGUAGES),
        ]

    def set_days(self, days: list[dt.date], labels: dict[dt.date, str]) -> None:
        """Offer the days that have sessions (known only once the other filters are read)."""
        self.fields["day"].choices = [
            ("", _("First day")),
            (ALL_DAYS, _("All days")),
            *((day.isoformat(), labels[day]) for day in days),
        ]

    def filters(self) -> dict:
        """The well-formed filters, as keyword arguments of `selectors.filter_sessions`."""
        self.is_valid()
        data = self.cleaned_data
        return {
            "track": data.get("track", ""),
            "session_type": data.get("type", ""),
            "room": data.get("room", ""),
            "action_line": data.get("action_line", ""),
            "sdg": data.get("sdg"),
            "language": data.get("language", ""),
            "format": data.get("format", ""),
            "q": data.get("q", "").strip(),
        }


class StarForm(forms.Form):
    """The button that was pressed: `star=<code>` or `unstar=<code>`."""

    star = forms.SlugField(required=False, max_length=40)
    unstar = forms.SlugField(required=False, max_length=40)
    next = forms.CharField(required=False, max_length=2000)

    def clean(self):
        data = super().clean()
        star, unstar = data.get("star"), data.get("unstar")
        if bool(star) == bool(unstar):
            raise forms.ValidationError(_("Say which session to add or remove."))
        data["code"], data["starred"] = (star, True) if star else (unstar, False)
        return data
