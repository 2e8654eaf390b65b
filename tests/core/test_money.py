from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from convoca.core.money import CurrencyMismatch, Money, currency_choices, validate_currency


def test_amounts_add_exactly_in_decimal():
    total = Money("0.10", "CHF") + Money("0.20", "CHF")
    assert total == Money(Decimal("0.30"), "CHF")


def test_floats_are_refused():
    with pytest.raises(TypeError):
        Money(0.1, "USD")


def test_different_currencies_do_not_add():
    with pytest.raises(CurrencyMismatch):
        Money("1", "USD") + Money("1", "CHF")


def test_unknown_currency_codes_are_refused_with_a_message():
    with pytest.raises(ValidationError, match="ISO 4217"):
        validate_currency("XYZ")
    with pytest.raises(ValidationError):
        Money("1", "usd")


def test_conversion_rounds_to_the_target_currency_precision():
    assert Money("1000", "USD").convert(rate=Decimal("151.237"), to="JPY") == Money("151237", "JPY")
    assert Money("10", "CHF").convert(rate=Decimal("1.12345"), to="USD").amount == Decimal("11.23")


def test_amounts_are_formatted_for_the_reader_language():
    amount = Money("36780000000", "USD")
    assert amount.format("en") == "$36,780,000,000.00"
    assert amount.format("fr") == "36\u202f780\u202f000\u202f000,00\xa0$US"
    assert "US$" in amount.format("zh-hans")


def test_currency_choices_name_each_currency():
    choices = dict(currency_choices())
    assert choices["CHF"].startswith("CHF — ")
    assert "XDR" in choices
