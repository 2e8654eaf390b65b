"""Forms of the trust-fund pages. Amounts and rates are typed as text and parsed by the services
into Decimals (never floats); the services' own checks come back as the forms' errors."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from convoca.core.money import currency_choices
from convoca.stakeholders.models import Organization

from . import services
from .models import ContributionKind

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
UNKNOWN_CURRENCY = _("%(value)s is not an ISO 4217 currency code.")


def _amount(value: str) -> str:
    """The text of an amount, once the services accept it."""
    try:
        return str(services.parse_amount(value))
    except services.FundError as error:
        raise forms.ValidationError(error.message, code="amount") from error


class AmountField(forms.CharField):
    """An amount as typed ("50000", "1 250.50"): text here, a Decimal in the services."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 30)
        super().__init__(*args, **kwargs)
        self.widget.attrs.update({"inputmode": "decimal", "autocomplete": "off"})

    def clean(self, value):
        value = super().clean(value)
        return _amount(value) if value not in self.empty_values else value


class CurrencyField(forms.ChoiceField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("choices", currency_choices)
        kwargs.setdefault("error_messages", {"invalid_choice": UNKNOWN_CURRENCY})
        super().__init__(*args, **kwargs)


class PledgeForm(forms.Form):
    contributor = forms.ModelChoiceField(
        label=_("Contributor"), queryset=Organization.objects.order_by("name")
    )
    kind = forms.ChoiceField(
        label=_("Kind"), choices=ContributionKind.choices, initial=ContributionKind.FINANCIAL
    )
    amount = AmountField(
        label=_("Amount pledged"), help_text=_("In the currency of the pledge, e.g. 25000.00.")
    )
    currency = CurrencyField(label=_("Currency"))
    pledged_on = forms.DateField(label=_("Pledged on"), widget=DATE)
    in_kind_description = forms.CharField(
        label=_("What is given in kind"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    earmark = forms.CharField(
        label=_("Earmarked for"),
        required=False,
        max_length=200,
        help_text=_("A track, a prize, the hackathon…"),
    )
    publicly_listed = forms.BooleanField(
        label=_("The contributor agrees to be listed publicly"), required=False
    )
    amount_public = forms.BooleanField(
        label=_("The contributor agrees to show the amount publicly"), required=False
    )

    def __init__(self, *args, fund=None, **kwargs):
        super().__init__(*args, **kwargs)
        if fund is not None:
            self.fields["currency"].initial = fund.currency
        self.fields["pledged_on"].initial = timezone.localdate

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("kind") == ContributionKind.IN_KIND
            and not cleaned.get("in_kind_description", "").strip()
        ):
            self.add_error("in_kind_description", _("Describe what is given in kind."))
        if cleaned.get("amount_public") and not cleaned.get("publicly_listed"):
            self.add_error(
                "amount_public",
                _("The amount can only be shown when the contributor is listed publicly."),
            )
        return cleaned


class ReceiptForm(forms.Form):
    amount = AmountField(label=_("Amount received"))
    received_on = forms.DateField(label=_("Received on"), widget=DATE)
    reference = forms.CharField(label=_("Bank reference"), required=False, max_length=200)
    confirm_over = forms.BooleanField(
        label=_("Confirm: more than pledged was received"), required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["received_on"].initial = timezone.localdate
        # The confirmation box only shows once the services say the total goes over the pledge.
        self.needs_confirmation = bool(self.data.get("confirm_over")) if self.is_bound else False

    def visible_fields(self):
        fields = super().visible_fields()
        if self.needs_confirmation:
            return fields
        return [field for field in fields if field.name != "confirm_over"]


class ConsentForm(forms.Form):
    publicly_listed = forms.BooleanField(label=_("May be listed publicly"), required=False)
    amount_public = forms.BooleanField(label=_("The amount may be shown publicly"), required=False)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("amount_public") and not cleaned.get("publicly_listed"):
            self.add_error(
                "amount_public",
                _("The amount can only be shown when the contributor is listed publicly."),
            )
        return cleaned


class RateForm(forms.Form):
    from_currency = CurrencyField(label=_("From currency"))
    rate = forms.CharField(
        label=_("Rate"),
        max_length=30,
        help_text=_("How much one unit of that currency is worth in the fund's currency."),
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
    )
    valid_from = forms.DateField(label=_("Valid from"), widget=DATE)
    source = forms.CharField(
        label=_("Source"),
        required=False,
        max_length=200,
        help_text=_("e.g. UN operational rate of exchange"),
    )

    def __init__(self, *args, fund=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fund = fund
        self.fields["valid_from"].initial = timezone.localdate
        self.fields["from_currency"].initial = "EUR" if fund and fund.currency == "USD" else "USD"

    def clean_from_currency(self):
        code = self.cleaned_data["from_currency"]
        if self.fund is not None and code == self.fund.currency:
            raise forms.ValidationError(
                _("The fund's own currency needs no rate; choose another currency.")
            )
        return code

    def clean_rate(self):
        try:
            return str(services.parse_rate(self.cleaned_data["rate"].strip()))
        except services.FundError as error:
            raise forms.ValidationError(error.message, code="rate") from error


class PackageRequestForm(forms.Form):
    organization = forms.ModelChoiceField(
        label=_("For the organization"), queryset=Organization.objects.none(), empty_label=None
    )
    list_publicly = forms.BooleanField(label=_("List us among the contributors"), required=False)
    show_amount = forms.BooleanField(label=_("Show the amount"), required=False)
    note = forms.CharField(
        label=_("Note to the secretariat"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, organizations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organizations

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("show_amount") and not cleaned.get("list_publicly"):
            self.add_error(
                "show_amount",
                _("The amount can only be shown when your organization is listed."),
            )
        return cleaned


class DeclineForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), required=False, max_length=500)


class BenefitForm(forms.Form):
    done = forms.BooleanField(required=False, widget=forms.HiddenInput)
    note = forms.CharField(label=_("Note"), required=False, max_length=300)
