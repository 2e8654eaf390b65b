from django import forms
from django.utils.translation import gettext_lazy as _

from .models import NominationState, VoteFlag


class NominatorForm(forms.Form):
    """What the nomination form asks beside the call's questions."""

    organization = forms.ModelChoiceField(
        queryset=None, label=_("Organization you nominate for"), to_field_name="slug"
    )
    title = forms.CharField(label=_("Name of the project"), max_length=300)

    def __init__(self, *args, organizations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organizations


class ReviseForm(forms.Form):
    title = forms.CharField(label=_("Name of the project"), max_length=300)
    description = forms.CharField(label=_("Description of the project"), widget=forms.Textarea)
    website = forms.URLField(label=_("Project website"), required=False, assume_scheme="https")
    video = forms.URLField(label=_("Video"), required=False, assume_scheme="https")
    contact_name = forms.CharField(label=_("Contact person"), max_length=200)
    contact_email = forms.EmailField(label=_("Contact email"))


class DecisionForm(forms.Form):
    to = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            (NominationState.VALIDATED, _("Validate")),
            (NominationState.CHANGES_REQUESTED, _("Ask for changes")),
            (NominationState.REJECTED, _("Reject")),
        ],
    )
    note = forms.CharField(label=_("Note to the nominator"), widget=forms.Textarea, required=False)


class VoidForm(forms.Form):
    network = forms.CharField(label=_("Network"), max_length=64, required=False)
    flag = forms.ChoiceField(
        label=_("Abuse signal"),
        choices=[("", "—")] + [(v, label) for v, label in VoteFlag.choices if v],
        required=False,
    )
    reason = forms.CharField(label=_("Reason (kept in the audit log)"), max_length=300)


class ScoreForm(forms.Form):
    comment = forms.CharField(label=_("Comment"), widget=forms.Textarea, required=False)

    def __init__(self, *args, criteria, review=None, **kwargs):
        super().__init__(*args, **kwargs)
        stored = review.scores if review else {}
        self.criteria = list(criteria)
        for criterion in self.criteria:
            self.fields[f"criterion_{criterion.pk}"] = forms.IntegerField(
                label=f"{criterion.name} (0–{criterion.max_score})",
                min_value=0,
                max_value=criterion.max_score,
                required=False,
                initial=stored.get(str(criterion.pk)),
            )
        if review:
            self.fields["comment"].initial = review.comment

    def scores(self) -> dict:
        return {
            c.pk: self.cleaned_data.get(f"criterion_{c.pk}")
            for c in self.criteria
            if self.cleaned_data.get(f"criterion_{c.pk}") is not None
        }
