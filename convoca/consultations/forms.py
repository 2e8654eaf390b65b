"""Forms for submitters: the submission around the call's own questions, speakers of a
workshop proposal, and a regional or national event's input."""

from django import forms
from django.core.validators import FileExtensionValidator
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from convoca.accounts.models import Gender
from convoca.core.models import Region, RegionScheme
from convoca.programme.models import EditionFormat
from convoca.questionnaires.forms import FileSizeValidator
from convoca.stakeholders.models import Organization
from convoca.stakeholders.selectors import organizations_for
from convoca.taxonomy.models import SDG, ActionLine

from .models import Call, EventInput, Submission
from .services import Speaker


class SubmissionForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300)
    organization = forms.ModelChoiceField(
        Organization.objects.none(),
        label=_("Submitted for"),
        required=False,
        empty_label=_("Myself"),
        help_text=_("Organizations for which you are an approved focal point."),
    )
    co_organizations = forms.ModelMultipleChoiceField(
        Organization.objects.order_by("name"),
        label=_("Co-organizers"),
        required=False,
        help_text=_("Other organizations that submit with you."),
    )
    format = forms.ChoiceField(
        label=_("Format"), choices=[("", "—"), *EditionFormat.choices], required=False
    )
    action_lines = forms.ModelMultipleChoiceField(
        ActionLine.objects.all(),
        label=_("WSIS Action Lines"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    sdgs = forms.ModelMultipleChoiceField(
        SDG.objects.all(), label=_("SDGs"), required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, call: Call, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.call = call
        self.fields["organization"].queryset = organizations_for(user=user)
        if call.requires_organization:
            self.fields["organization"].empty_label = None
        if not call.is_workshop:
            for name in ("format", "action_lines", "sdgs", "co_organizations"):
                del self.fields[name]

    @classmethod
    def initial_for(cls, submission: Submission | None) -> dict:
        if submission is None:
            return {}
        return {
            "title": submission.title,
            "organization": submission.organization_id,
            "format": submission.format,
            "co_organizations": list(submission.co_organizations.all()),
            "action_lines": list(submission.action_lines.all()),
            "sdgs": list(submission.sdgs.all()),
        }


class SpeakerForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    organization_name = forms.CharField(label=_("Organization"), max_length=300, required=False)
    country = forms.ChoiceField(label=_("Country"), choices=[("", "—"), *countries], required=False)
    gender = forms.ChoiceField(
        label=_("Gender"), choices=[("", "—"), *Gender.choices], required=False
    )
    email = forms.EmailField(label=_("Email"), required=False)

    def speaker(self) -> Speaker:
        data = self.cleaned_data
        return Speaker(
            name=data["name"],
            organization_name=data.get("organization_name", ""),
            country=data.get("country", ""),
            gender=data.get("gender", ""),
            email=data.get("email", ""),
        )


SpeakerFormSet = forms.formset_factory(SpeakerForm, extra=3, max_num=12, can_delete=True)


def speakers_of(formset) -> list[Speaker]:
    return [
        form.speaker()
        for form in formset.forms
        if form.has_changed() and form.cleaned_data and not form.cleaned_data.get("DELETE")
    ]


class EventInputForm(forms.ModelForm):
    region = forms.ModelChoiceField(
        Region.objects.filter(scheme=RegionScheme.ITU), label=_("ITU region"), required=False
    )

    class Meta:
        model = EventInput
        fields = [
            "event_name",
            "event_date",
            "city",
            "country",
            "region",
            "organization",
            "summary",
            "document",
            "url",
            "action_lines",
        ]
        widgets = {
            "event_date": forms.DateInput(attrs={"type": "date"}),
            "action_lines": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organizations_for(user=user)
        self.fields["document"].validators += [
            FileExtensionValidator(["pdf", "docx", "odt", "doc"]),
            FileSizeValidator(20),
        ]
