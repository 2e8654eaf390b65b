from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Organization, StakeholderType


class OrganizationForm(forms.ModelForm):
    class Meta:
        model = Organization
        fields = ["name", "acronym", "country", "stakeholder_type", "itu_status", "website"]


class OrganizationFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    stakeholder_type = forms.ChoiceField(
        label=_("Stakeholder type"),
        required=False,
        choices=[("", _("All types")), *StakeholderType.choices],
    )


class FocalPointRequestForm(forms.Form):
    reason = forms.CharField(
        label=_("Your role in the organization"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        help_text=_("The secretariat reads this before approving you as a focal point."),
    )


class FocalPointDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[("approved", _("Approve")), ("refused", _("Refuse")), ("revoked", _("Revoke"))]
    )
