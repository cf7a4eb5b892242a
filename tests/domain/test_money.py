"""Money typed by a user, read into integer cents and shown one way everywhere."""

from __future__ import annotations

import pytest

from studytui.domain.errors import ValidationError
from studytui.domain.money import (
    Money,
    amount_to_cents,
    format_amount,
    format_money,
    parse_currency,
    parse_money,
    usual_currency,
)


@pytest.mark.parametrize(
    ("text", "money"),
    [
        ("200", Money(20000, "USD")),
        ("199.99", Money(19999, "USD")),
        ("499.9", Money(49990, "USD")),
        ("0.10", Money(10, "USD")),
        (" 0.5 ", Money(50, "USD")),
        ("1,200", Money(120000, "USD")),
        ("1,200.5", Money(120050, "USD")),
        ("12,345,678", Money(1234567800, "USD")),
        ("1,200.50 eur", Money(120050, "EUR")),
        ("GBP 20", Money(2000, "GBP")),
        ("$500", Money(50000, "USD")),
        ("€ 20.05", Money(2005, "EUR")),
        ("75chf", Money(7500, "CHF")),
        ("0", Money(0, "USD")),  # an amount; whether zero will do is the caller's rule
    ],
)
def test_parse_money_in_integer_cents(text: str, money: Money) -> None:
    assert parse_money(text) == money


def test_parse_money_uses_the_default_currency() -> None:
    assert parse_money("12", default_currency="EUR") == Money(1200, "EUR")
    assert parse_money("12 GBP", default_currency="EUR") == Money(1200, "GBP")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "amount is empty: use 500, 499.90, 500 EUR or \\$500"),
        ("  ", "empty"),
        ("abc", 'amount "abc" not understood'),
        ("ten", "not understood"),
        ("-5", "negative"),
        ("1.999", "more than two decimals"),
        ("12.345", "more than two decimals"),
        ("1,20", "not understood"),
        ("1.2.3", "not understood"),
        ("5 dollars", "not understood"),
        ("$500 EUR", "not understood"),
        ("99999999999", "implausibly large"),
        ("999999999999", "implausibly large"),
    ],
)
def test_parse_money_refuses_with_a_reason(text: str, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        parse_money(text)


def test_format_money_always_shows_cents_and_parses_back() -> None:
    assert format_money(120000, "USD") == "1,200.00 USD"
    assert format_money(19999, "EUR") == "199.99 EUR"
    assert format_money(0, "USD") == "0.00 USD"
    assert format_money(-150, "EUR") == "-1.50 EUR"
    for cents in (0, 1, 99, 50000, 123456789):
        assert parse_money(format_money(cents, "EUR")) == Money(cents, "EUR")


def test_format_amount_is_what_a_user_types_and_reads_back() -> None:
    assert [format_amount(c) for c in (120000, 19999, 50, 0)] == ["1,200", "199.99", "0.50", "0"]
    for cents in (1, 99, 120000, 19999):
        assert amount_to_cents(format_amount(cents), typed="", hint="") == cents


def test_currency_is_three_letters_upper_cased() -> None:
    assert parse_currency(" eur ") == "EUR"
    with pytest.raises(ValidationError, match="three-letter"):
        parse_currency("euro")


@pytest.mark.parametrize("typed", ["500 XYZ", "XYZ 500", "500xyz", "uds 20"])
def test_an_amount_in_no_currency_is_refused(typed: str) -> None:
    with pytest.raises(ValidationError, match=r"is not a currency code: use an ISO 4217 code"):
        parse_money(typed)


def test_a_currency_field_naming_no_currency_is_refused() -> None:
    with pytest.raises(ValidationError, match='currency "XYZ"'):
        parse_currency("xyz")
    assert parse_currency("chf") == "CHF"
    assert parse_money("20 inr") == Money(2000, "INR")


def test_the_usual_currency_is_never_one_that_is_none() -> None:
    assert usual_currency("EUR") == "EUR"
    assert usual_currency("XYZ") == "USD"  # stored before codes were checked
    assert usual_currency(None) == "USD"
