from django import forms
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from django_countries.fields import LazyTypedChoiceField

from convoca.accounts.models import Gender
from convoca.core.markup import render_markdown
from convoca.stakeholders.models import StakeholderType

from .models import AttendanceMode, RegistrationForm, RegistrationState


class ParticipantForm(forms.Form):
    """What a participant (or a focal point, for a delegate) fills in to register."""

    given_name = forms.CharField(label=_("Given name"), max_length=150)
    family_name = forms.CharField(label=_("Family name"), max_length=150, required=False)
    email = forms.EmailField(label=_("Email"))
    organization_name = forms.CharField(label=_("Organization"), max_length=300, required=False)
    stakeholder_type = forms.ChoiceField(
        label=_("Stakeholder type"), choices=StakeholderType.choices
    )
    country = LazyTypedChoiceField(label=_("Country"), choices=countries)
    gender = forms.ChoiceField(
        label=_("Gender (optional)"),
        choices=[("", "—"), *Gender.choices],
        required=False,
        help_text=_("Self-declared; only ever counted in groups of five or more."),
    )
    attendance = forms.ChoiceField(
        label=_("I will attend"), choices=AttendanceMode.choices, widget=forms.RadioSelect
    )
    identity_number = forms.CharField(
        label=_("Passport or identity document number"),
        max_length=50,
        required=False,
        help_text=_(
            "Needed for accreditation at the venue. Stored encrypted, seen only by accreditation "
            "staff, and erased after the edition."
        ),
    )
    invitation_code = forms.CharField(
        label=_("Invitation code (if you have one)"), max_length=20, required=False
    )
    consent = forms.BooleanField(label=_("I agree"), required=False)

    def __init__(self, *args, registration_form: RegistrationForm, own_email: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.registration_form = registration_form
        modes = [
            (value, label)
            for value, label in AttendanceMode.choices
            if (value == AttendanceMode.IN_PERSON and registration_form.in_person)
            or (value == AttendanceMode.REMOTE and registration_form.remote)
        ]
        self.fields["attendance"].choices = modes
        if len(modes) == 1:
            self.fields["attendance"].initial = modes[0][0]
        if own_email:
            # The participant's own address is their account's: they cannot register someone else.
            self.fields["email"].initial = own_email
            self.fields["email"].disabled = True
        if not registration_form.collects_identity:
            del self.fields["identity_number"]
        if registration_form.consent_text.strip():
            self.fields["consent"].required = True
            self.fields["consent"].help_text = render_markdown(registration_form.consent_text)
        else:
            del self.fields["consent"]

    def clean(self):
        data = super().clean()
        if (
            "identity_number" in self.fields
            and data.get("attendance") == AttendanceMode.IN_PERSON
            and not (data.get("identity_number") or "").strip()
        ):
            self.add_error(
                "identity_number",
                _("Give the number of your passport or identity document: accreditation needs it."),
            )
        return data


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[("approve", _("Approve")), ("refuse", _("Refuse"))], widget=forms.HiddenInput
    )
    reason = forms.CharField(
        label=_("Reason (told to the person)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class SettingsForm(forms.ModelForm):
    class Meta:
        model = RegistrationForm
        fields = [
            "opens_at",
            "closes_at",
            "in_person",
            "remote",
            "capacity",
            "requires_accreditation",
            "collects_identity",
            "identity_retention_days",
            "consent_text",
            "questionnaire",
        ]
        widgets = {
            "opens_at": forms.DateTimeInput(attrs={"type": "datetime-local"}),
            "closes_at": forms.DateTimeInput(attrs={"type": "datetime-local"}),
        }


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("For (email, optional)"), required=False)
    session = forms.ChoiceField(label=_("Session"), required=False)
    expires_at = forms.DateTimeField(
        label=_("Expires"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )
    note = forms.CharField(label=_("Note"), max_length=200, required=False)

    def __init__(self, *args, sessions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["session"].choices = [
            ("", _("None: the invitation accredits for the edition")),
            *[(str(s.pk), s.title) for s in sessions],
        ]


class CheckInForm(forms.Form):
    code = forms.CharField(
        label=_("Badge code"),
        max_length=300,
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "autofocus": True}
        ),
        help_text=_("Scan the QR code, or type the code printed under it."),
    )


class FilterForm(forms.Form):
    q = forms.CharField(label=_("Name, email or code"), required=False)
    state = forms.ChoiceField(
        label=_("State"), choices=[("", _("All")), *RegistrationState.choices], required=False
    )
    attendance = forms.ChoiceField(
        label=_("Attendance"), choices=[("", _("All")), *AttendanceMode.choices], required=False
    )
    accreditation = forms.ChoiceField(
        label=_("Accreditation"),
        choices=[
            ("", _("All")),
            ("pending", _("Pending")),
            ("approved", _("Approved")),
            ("refused", _("Refused")),
        ],
        required=False,
    )
