from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from convoca.core.markup import html_tags_in
from convoca.stakeholders.models import ItuStatus, Organization, StakeholderType

from .models import AddresseeKind, Circular, CircularSeries, Letterhead, MailingList

LANGUAGES = [(code, code.replace("-", "_"), name) for code, name in settings.LANGUAGES]
TRANSLATED = ("subject", "office", "place", "salutation", "body", "closing", "annex_note")


class CircularForm(forms.ModelForm):
    """The letter itself; every text exists in each of the six languages."""

    class Meta:
        model = Circular
        fields = [
            "series",
            "reference",
            "letterhead",
            "default_language",
            "statutory",
            "issue_date",
        ]
        widgets = {"issue_date": forms.DateInput(attrs={"type": "date"})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["series"].queryset = CircularSeries.objects.order_by("name")
        self.fields["letterhead"].queryset = Letterhead.objects.order_by("name")
        self.fields["issue_date"].help_text = _("Leave empty to date it on the day it is issued.")
        for _code, suffix, name in LANGUAGES:
            for field in TRANSLATED:
                model_field = Circular._meta.get_field(f"{field}_{suffix}")
                form_field = model_field.formfield(required=False)
                form_field.label = (
                    f"{model_field.verbose_name.split(' [')[0].capitalize()} ({name})"
                )
                if field == "body":
                    form_field.widget = forms.Textarea(attrs={"rows": 14, "dir": "auto"})
                else:
                    form_field.widget.attrs["dir"] = "auto"
                self.fields[f"{field}_{suffix}"] = form_field
                if self.instance.pk:
                    self.initial[f"{field}_{suffix}"] = getattr(self.instance, f"{field}_{suffix}")

    def language_sections(self):
        """The translated fields grouped by language, for one fieldset per language."""
        return [
            (code, name, [self[f"{field}_{suffix}"] for field in TRANSLATED])
            for code, suffix, name in LANGUAGES
        ]

    def clean(self):
        cleaned = super().clean()
        for name, value in list(cleaned.items()):
            if name.startswith(("body_", "subject_")) and isinstance(value, str):
                tags = html_tags_in(value)
                if tags:
                    self.add_error(
                        name,
                        _("HTML tags are not allowed (%(tags)s); write Markdown instead.")
                        % {"tags": ", ".join(f"<{t}>" for t in tags)},
                    )
        if not any(cleaned.get(f"subject_{suffix}") for _c, suffix, _n in LANGUAGES):
            raise forms.ValidationError(_("Write the subject in at least one language."))
        return cleaned

    def content(self) -> dict:
        """Keyword arguments for services.save_draft."""
        names = set(self.Meta.fields) | {
            f"{field}_{suffix}" for _code, suffix, _name in LANGUAGES for field in TRANSLATED
        }
        return {name: value for name, value in self.cleaned_data.items() if name in names}


class AddresseeForm(forms.Form):
    # A blank first choice, so an untouched extra row submits nothing and is ignored.
    kind = forms.ChoiceField(
        label=_("Kind"), choices=[("", "—"), *AddresseeKind.choices], required=False
    )
    stakeholder_type = forms.ChoiceField(
        label=_("Stakeholder type"), choices=[("", "—"), *StakeholderType.choices], required=False
    )
    itu_status = forms.ChoiceField(
        label=_("ITU status"), choices=[("", "—"), *ItuStatus.choices], required=False
    )
    organization = forms.ModelChoiceField(
        label=_("Organization"), queryset=Organization.objects.order_by("name"), required=False
    )
    mailing_list = forms.ModelChoiceField(
        label=_("Mailing list"), queryset=MailingList.objects.order_by("name"), required=False
    )
    label = forms.CharField(label=_("Printed line"), max_length=300, required=False)

    TARGET = {
        AddresseeKind.STAKEHOLDER_TYPE: "stakeholder_type",
        AddresseeKind.ITU_STATUS: "itu_status",
        AddresseeKind.ORGANIZATION: "organization",
        AddresseeKind.MAILING_LIST: "mailing_list",
        AddresseeKind.LABEL_ONLY: "label",
    }

    def clean(self):
        cleaned = super().clean()
        kind = cleaned.get("kind")
        if not kind:
            if any(cleaned.get(name) for name in self.TARGET.values()):
                self.add_error("kind", _("Choose what kind of addressee this line is."))
            return cleaned
        target = self.TARGET.get(kind)
        if target and not cleaned.get(target):
            self.add_error(target, _("Choose whom this line addresses."))
        return cleaned

    def group(self) -> dict:
        kind = self.cleaned_data.get("kind")
        values = {"kind": kind, "label": self.cleaned_data.get("label", "")}
        target = self.TARGET[kind]
        if target != "label":
            values[target] = self.cleaned_data[target]
        return values


class SignatoryForm(forms.Form):
    name = forms.CharField(label=_("Signatory"), max_length=200)
    title = forms.CharField(label=_("Title"), max_length=300, required=False)
    signed_note = forms.CharField(label=_("Signature note"), max_length=100, required=False)


class ContactForm(forms.Form):
    name = forms.CharField(label=_("Contact"), max_length=200)
    phone = forms.CharField(label=_("Telephone"), max_length=50, required=False)
    fax = forms.CharField(label=_("Fax"), max_length=50, required=False)
    email = forms.EmailField(label=_("Email"), required=False)


AddresseeFormSet = forms.formset_factory(AddresseeForm, extra=2, can_delete=True)
SignatoryFormSet = forms.formset_factory(SignatoryForm, extra=1, can_delete=True)
ContactFormSet = forms.formset_factory(ContactForm, extra=1, can_delete=True)


class AnnexForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300, required=False)
    file = forms.FileField(label=_("File"))


class WithdrawForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}))


class ArchiveFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    year = forms.IntegerField(label=_("Year"), required=False, min_value=1990, max_value=2100)
    group = forms.ChoiceField(
        label=_("Addressed to"),
        required=False,
        choices=[("", _("Everyone")), *StakeholderType.choices, *ItuStatus.choices[:-1]],
    )
    language = forms.ChoiceField(
        label=_("Language"), required=False, choices=[("", _("Any")), *settings.LANGUAGES]
    )
