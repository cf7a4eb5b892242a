"""Amounts of money as integer cents in a currency: read from what a user types, written the
one way every screen and command shows them. Decimal, never float, so 0.1 + 0.2 euros is
exactly 30 cents."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from studytui.domain.currencies import ISO_4217
from studytui.domain.errors import ValidationError

MAX_CENTS = 100_000_000_00  # a hundred million: far beyond any fee or exam, so a slipped finger
DEFAULT_CURRENCY = "USD"
MONEY_HINT = "use 500, 499.90, 500 EUR or $500"

_AMOUNT = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]*)?|[0-9]+(?:\.[0-9]*)?|\.[0-9]+")
_CURRENCY = re.compile(r"[A-Z]{3}")
_CODE = re.compile(r"[A-Za-z]{3}")
_SYMBOLS = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR"}


@dataclass(frozen=True)
class Money:
    cents: int
    currency: str


def parse_money(text: str, default_currency: str = DEFAULT_CURRENCY) -> Money:
    """`500`, `499.90`, `1,200 EUR`, `EUR 20`, `$500` or `€20`; zero is an amount too (a free
    exam), whether zero is acceptable is the caller's rule. Blank is refused."""
    raw = text.strip()
    if not raw:
        raise ValidationError(f"amount is empty: {MONEY_HINT}")
    rest, currency = raw, None
    if rest[0] in _SYMBOLS:
        rest, currency = rest[1:].strip(), _SYMBOLS[rest[0]]
    words = rest.split()
    if len(words) == 2 and _CODE.fullmatch(words[0]) and currency is None:
        currency, rest = words[0].upper(), words[1]
    elif len(words) == 2 and _CODE.fullmatch(words[1]) and currency is None:
        rest, currency = words[0], words[1].upper()
    elif len(words) == 1 and len(rest) > 3 and _CODE.fullmatch(rest[-3:]) and currency is None:
        rest, currency = rest[:-3], rest[-3:].upper()  # "500usd"
    cents = amount_to_cents(rest, typed=raw, hint=MONEY_HINT)
    if currency is not None:
        check_known(currency, typed=raw)
    return Money(cents, currency or default_currency)


def format_money(cents: int, currency: str) -> str:
    """`1,200.00 USD`, always with cents so that amounts line up; parse_money reads it back."""
    sign = "-" if cents < 0 else ""
    whole, part = divmod(abs(cents), 100)
    return f"{sign}{whole:,}.{part:02d} {currency}"


def amount_to_cents(amount: str, *, typed: str, hint: str) -> int:
    """`1,200`, `199.99` or `.5` in cents (zero allowed). `typed` is the user's whole text,
    quoted in the messages; `hint` says what is accepted where the amount was asked for."""
    if amount.startswith("-"):
        raise ValidationError(f'amount "{typed}" is negative: {hint}')
    if not _AMOUNT.fullmatch(amount):
        raise ValidationError(f'amount "{typed}" not understood: {hint}')
    whole = amount.replace(",", "").split(".")[0]
    if len(whole) > len(str(MAX_CENTS)):  # before Decimal, which runs out of precision
        raise ValidationError(f'amount "{typed}" is implausibly large: check the digits')
    value = Decimal(amount.replace(",", ""))
    if value != value.quantize(Decimal("0.01")):
        raise ValidationError(f'amount "{typed}" has more than two decimals: {hint}')
    cents = int(value * 100)
    if cents > MAX_CENTS:
        raise ValidationError(f'amount "{typed}" is implausibly large: check the digits')
    return cents


def format_amount(cents: int) -> str:
    """`1,200`, `199.99`: the amount alone, as a user would type it into a form."""
    sign = "-" if cents < 0 else ""
    whole, part = divmod(abs(cents), 100)
    return f"{sign}{whole:,}" + (f".{part:02d}" if part else "")


def parse_currency(text: str) -> str:
    cleaned = text.strip().upper()
    if not _CURRENCY.fullmatch(cleaned):
        raise ValidationError(f'currency "{text.strip()}" must be a three-letter code like USD')
    check_known(cleaned, typed=text.strip())
    return cleaned


def check_known(code: str, *, typed: str) -> None:
    """Refuse a code that is no currency: a typo ("UDS") would otherwise become a currency of
    its own, totalled apart from every other payment."""
    if code not in ISO_4217:
        raise ValidationError(
            f'currency "{code}" in "{typed}" is not a currency code: use an ISO 4217 code '
            "such as USD, EUR, GBP or INR"
        )


def usual_currency(last_used: str | None) -> str:
    """The currency a new amount is in when it names none: the last one used, if it is a
    currency (one stored before codes were checked may not be)."""
    return last_used if last_used in ISO_4217 else DEFAULT_CURRENCY
