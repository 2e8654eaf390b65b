"""Forms of coalitions: the applicant's organization, pledges and their targets, progress
reports, the registry's filters, and the secretariat's pipeline and working group forms."""

from functools import lru_cache
from html import escape

from django import forms
from django.forms.utils import flatatt
from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from convoca.core.money import currency_choices
from convoca.stakeholders.models import RoleAssignment, StakeholderType
from convoca.taxonomy.models import SDG, ActionLine

from .models import (
    EOI_TRANSITIONS,
    Coalition,
    EmailTemplate,
    EoiState,
    PledgeKind,
    PledgeState,
    Unit,
)
from .selectors import RegistryFilters, regions_for_filters
from .services import Figure, Target

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ApplicantForm(forms.Form):
    """The organization an applicant applies for, as they know it; convoca finds it again if it
    already knows it."""

    name = forms.CharField(label=_("Organization"), max_length=300)
    acronym = forms.CharField(label=_("Acronym"), max_length=40, required=False)
    country = forms.ChoiceField(label=_("Country"), choices=[("", "—"), *countries])
    stakeholder_type = forms.ChoiceField(
        label=_("Stakeholder type"), choices=StakeholderType.choices
    )
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")


class TargetForm(forms.Form):
    indicator = forms.CharField(
        label=_("Indicator"), max_length=200, help_text=_("e.g. people connected")
    )
    # No unit chosen in advance: a spare row left empty is then unchanged, and skipped.
    unit = forms.ChoiceField(label=_("Unit"), choices=[("", "—"), *Unit.choices])
    target = forms.CharField(label=_("Target"), max_length=30)


TargetFormSet = forms.formset_factory(TargetForm, extra=2, max_num=10, can_delete=True)


def targets_of(formset) -> list[Target]:
    return [
        Target(f.cleaned_data["indicator"], f.cleaned_data["unit"], f.cleaned_data["target"])
        for f in formset.forms
        if f.has_changed() and f.cleaned_data and not f.cleaned_data.get("DELETE")
    ]


class PledgeForm(forms.Form):
    organization = forms.ModelChoiceField(queryset=None, label=_("Pledging organization"))
    kind = forms.ChoiceField(label=_("Type"), choices=PledgeKind.choices)
    title = forms.CharField(label=_("Title"), max_length=300)
    description = forms.CharField(label=_("Description"), widget=forms.Textarea, required=False)
    focus_areas = forms.ModelMultipleChoiceField(
        queryset=None, label=_("Focus areas"), widget=forms.CheckboxSelectMultiple, required=False
    )
    countries = forms.MultipleChoiceField(
        label=_("Target countries"),
        choices=countries,
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
        help_text=_("Hold Ctrl (⌘ on a Mac) to choose several."),
    )
    sdgs = forms.ModelMultipleChoiceField(
        SDG.objects.all(), label=_("SDGs"), required=False, widget=forms.CheckboxSelectMultiple
    )
    action_lines = forms.ModelMultipleChoiceField(
        ActionLine.objects.all(),
        label=_("WSIS Action Lines"),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )
    amount = forms.CharField(
        label=_("Financial value"),
        max_length=30,
        required=False,
        help_text=_("Leave empty for a pledge without a financial value."),
    )
    currency = forms.ChoiceField(label=_("Currency"), required=False)
    pledged_on = forms.DateField(label=_("Pledged on"), widget=DATE)
    starts_on = forms.DateField(label=_("Starts"), widget=DATE)
    ends_on = forms.DateField(label=_("Ends"), widget=DATE)
    announced_at = forms.ModelChoiceField(
        queryset=None, label=_("Announced at"), required=False, empty_label=_("Not at a roundtable")
    )

    def __init__(self, *args, coalition: Coalition, organizations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organizations
        self.fields["focus_areas"].queryset = coalition.focus_areas.all()
        self.fields["announced_at"].queryset = coalition.roundtables.all()
        self.fields["currency"].choices = [("", "—"), *currency_choices()]

    def pledge_fields(self) -> dict:
        data = self.cleaned_data
        return {
            "kind": data["kind"],
            "title": data["title"],
            "description": data["description"],
            "amount": data["amount"] or None,
            "currency": data["currency"],
            "pledged_on": data["pledged_on"],
            "starts_on": data["starts_on"],
            "ends_on": data["ends_on"],
            "announced_at": data["announced_at"],
        }

    @staticmethod
    def initial_for(pledge) -> dict:
        return {
            "organization": pledge.organization_id,
            "kind": pledge.kind,
            "title": pledge.title,
            "description": pledge.description,
            "focus_areas": list(pledge.focus_areas.all()),
            "countries": [c.country.code for c in pledge.countries.all()],
            "sdgs": list(pledge.sdgs.all()),
            "action_lines": list(pledge.action_lines.all()),
            "amount": f"{pledge.amount:f}" if pledge.amount is not None else "",
            "currency": pledge.currency,
            "pledged_on": pledge.pledged_on,
            "starts_on": pledge.starts_on,
            "ends_on": pledge.ends_on,
            "announced_at": pledge.announced_at_id,
        }


class ProgressForm(forms.Form):
    reported_on = forms.DateField(label=_("Figures as of"), widget=DATE)
    narrative = forms.CharField(label=_("What happened"), widget=forms.Textarea)
    evidence = forms.CharField(
        label=_("Evidence links"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=_("One web address a line."),
    )

    def __init__(self, *args, targets, **kwargs):
        super().__init__(*args, **kwargs)
        self.targets = list(targets)
        for target in self.targets:
            self.fields[f"target_{target.pk}"] = forms.CharField(
                label=_("%(indicator)s — achieved so far (target %(target)s)")
                % {"indicator": target.indicator, "target": f"{target.target:,f}"},
                max_length=30,
                initial=f"{target.achieved:f}",
            )
            self.fields[f"unit_{target.pk}"] = forms.ChoiceField(
                label=_("Unit"), choices=Unit.choices, initial=target.unit
            )

    def figures(self) -> list[Figure]:
        data = self.cleaned_data
        return [
            Figure(target, data[f"target_{target.pk}"], data[f"unit_{target.pk}"])
            for target in self.targets
        ]

    def links(self) -> list[str]:
        return self.cleaned_data["evidence"].split()


@lru_cache(maxsize=32)
def country_choices(language: str) -> tuple[tuple[str, str], ...]:
    """Every country, named and sorted in `language`, worked out once per language."""
    with translation.override(language):
        return tuple((code, str(name)) for code, name in countries)


class QuickSelect(forms.Select):
    """A select written out in Python: rendering the registry's 250 countries through Django's
    per-option templates took longer than the page's queries."""

    def render(self, name, value, attrs=None, renderer=None):
        chosen = {str(v) for v in self.format_value(value)}
        options = "".join(
            f'<option value="{escape(str(key))}"{" selected" if str(key) in chosen else ""}>'
            f"{escape(str(label))}</option>"
            for key, label in self.choices
        )
        attrs = flatatt(self.build_attrs(self.attrs, attrs))
        return mark_safe(f'<select name="{escape(name)}"{attrs}>{options}</select>')


class RegistryFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    focus_area = forms.ChoiceField(label=_("Focus area"), required=False, widget=QuickSelect)
    kind = forms.ChoiceField(
        label=_("Type"),
        required=False,
        choices=[("", _("Any")), *PledgeKind.choices],
        widget=QuickSelect,
    )
    country = forms.ChoiceField(label=_("Country"), required=False, widget=QuickSelect)
    region = forms.ChoiceField(label=_("Region"), required=False, widget=QuickSelect)
    stakeholder_type = forms.ChoiceField(
        label=_("Stakeholder type"),
        required=False,
        choices=[("", _("Any")), *StakeholderType.choices],
        widget=QuickSelect,
    )
    sdg = forms.TypedChoiceField(
        label=_("SDG"), required=False, coerce=int, empty_value=None, widget=QuickSelect
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Any")), *[c for c in PledgeState.choices if c[0] != "draft"]],
        widget=QuickSelect,
    )

    def __init__(self, *args, coalition: Coalition, sdgs, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [
            ("", _("Any")),
            *country_choices(translation.get_language()),
        ]
        self.fields["focus_area"].choices = [
            ("", _("Any")),
            *[(area.slug, area.name) for area in coalition.focus_areas.all()],
        ]
        self.fields["region"].choices = [
            ("", _("Any")),
            *[(region.code, region.name) for region in regions_for_filters()],
        ]
        self.fields["sdg"].choices = [("", _("Any")), *[(s.number, str(s)) for s in sdgs]]

    def filters(self) -> RegistryFilters:
        """The valid filters; a value that is not one of the choices is left out (and shown as
        an error next to its field)."""
        self.is_valid()
        data = {k: v for k, v in getattr(self, "cleaned_data", {}).items() if v not in ("", None)}
        return RegistryFilters(**data)


class MoveForm(forms.Form):
    to = forms.ChoiceField(label=_("Move to"), choices=EoiState.choices)
    note = forms.CharField(
        label=_("Next step"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    @staticmethod
    def choices_from(state: str) -> list[tuple[str, str]]:
        return [(s, EoiState(s).label) for s in EoiState.values if s in EOI_TRANSITIONS[state]]


class FollowUpForm(forms.Form):
    owner = forms.ModelChoiceField(queryset=None, label=_("Owner"), required=False)
    due_on = forms.DateField(label=_("Next step due"), required=False, widget=DATE)
    next_step = forms.CharField(
        label=_("Next step"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from convoca.accounts.models import User

        self.fields["owner"].queryset = User.objects.filter(
            pk__in=RoleAssignment.objects.filter(role="secretariat").values("user")
        ).order_by("email")


class EmailForm(forms.Form):
    template = forms.ChoiceField(label=_("Email"), choices=EmailTemplate.choices)
    note = forms.CharField(
        label=_("Personal note"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Added to the template, as you write it."),
    )


class UsdRateForm(forms.Form):
    currency = forms.ChoiceField(label=_("Currency"))
    rate = forms.CharField(label=_("US dollars per unit"), max_length=30)
    valid_from = forms.DateField(label=_("Valid from"), widget=DATE)
    source = forms.CharField(label=_("Source"), required=False, max_length=200)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["currency"].choices = currency_choices()


class MeetingForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300)
    starts_at = forms.DateTimeField(
        label=_("Starts"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )
    ends_at = forms.DateTimeField(
        label=_("Ends"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )
    join_url = forms.URLField(label=_("Online meeting link"), required=False, assume_scheme="https")
    agenda = forms.CharField(label=_("Agenda"), required=False, widget=forms.Textarea)


class DocumentForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300)
    url = forms.URLField(label=_("Link"), required=False, assume_scheme="https")
    file = forms.FileField(label=_("File"), required=False)
