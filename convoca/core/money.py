"""Money is a Decimal amount and an ISO 4217 currency code, never a float."""

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation
from functools import cache

from babel import Locale
from babel.numbers import format_currency, get_currency_name, get_currency_precision
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import get_language, to_locale
from django.utils.translation import gettext_lazy as _

AMOUNT_DIGITS = 18
AMOUNT_PLACES = 2


@cache
def active_currencies() -> frozenset[str]:
    """ISO 4217 codes legal tender somewhere today (CLDR data via Babel), plus XDR."""
    from babel.core import get_global

    codes = {"XDR"}
    for territory_currencies in get_global("territory_currencies").values():
        for code, _start, end, tender in territory_currencies:
            if tender and (end is None or date(*end) >= date.today()):
                codes.add(code)
    return frozenset(codes)


def validate_currency(code: str) -> None:
    if code not in active_currencies():
        raise ValidationError(
            _("%(code)s is not an ISO 4217 currency code."), params={"code": code}, code="currency"
        )


def currency_choices() -> list[tuple[str, str]]:
    locale = _babel_locale()
    return sorted(
        (
            (code, f"{code} — {get_currency_name(code, locale=locale)}")
            for code in active_currencies()
        ),
        key=lambda pair: pair[0],
    )


class CurrencyField(models.CharField):
    """Three-letter ISO 4217 code, validated against the currencies in use today."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 3)
        kwargs.setdefault("validators", [validate_currency])
        super().__init__(*args, **kwargs)


class AmountField(models.DecimalField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_digits", AMOUNT_DIGITS)
        kwargs.setdefault("decimal_places", AMOUNT_PLACES)
        super().__init__(*args, **kwargs)


class CurrencyMismatch(ValueError):
    pass


@dataclass(frozen=True, slots=True)
class Money:
    amount: Decimal
    currency: str

    def __post_init__(self) -> None:
        if isinstance(self.amount, float):
            raise TypeError("Money refuses floats: pass a Decimal or a string")
        try:
            object.__setattr__(self, "amount", Decimal(self.amount))
        except InvalidOperation as error:
            raise ValueError(f"not an amount: {self.amount!r}") from error
        validate_currency(self.currency)

    def _same(self, other: "Money") -> None:
        if not isinstance(other, Money):
            raise TypeError("Money only adds to Money")
        if other.currency != self.currency:
            raise CurrencyMismatch(f"{self.currency} and {other.currency} cannot be added")

    def __add__(self, other: "Money") -> "Money":
        self._same(other)
        return Money(self.amount + other.amount, self.currency)

    def __sub__(self, other: "Money") -> "Money":
        self._same(other)
        return Money(self.amount - other.amount, self.currency)

    def convert(self, *, rate: Decimal, to: str) -> "Money":
        """Convert with an explicit rate (units of `to` per unit of self), rounded as `to` wants."""
        if isinstance(rate, float):
            raise TypeError("rates are Decimals")
        return Money(self.amount * rate, to).rounded()

    def rounded(self) -> "Money":
        places = Decimal(1).scaleb(-get_currency_precision(self.currency))
        return Money(self.amount.quantize(places, rounding=ROUND_HALF_EVEN), self.currency)

    def format(self, language: str | None = None) -> str:
        return format_currency(self.amount, self.currency, locale=_babel_locale(language))

    def __str__(self) -> str:
        return self.format()


def _babel_locale(language: str | None = None) -> Locale:
    return Locale.parse(to_locale(language or get_language() or "en"))
