"""Amounts of money typed by a user, as integer cents. Decimal, never float."""

from __future__ import annotations

import re
from decimal import Decimal

from studytui.domain.errors import ValidationError

MAX_CENTS = 100_000_000_00  # a hundred million: far beyond any fee or exam, so a slipped finger
_AMOUNT = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]*)?|[0-9]+(?:\.[0-9]*)?|\.[0-9]+")
_CURRENCY = re.compile(r"[A-Z]{3}")


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
    """`1,200`, `199.99`: what amount_to_cents reads back."""
    sign = "-" if cents < 0 else ""
    whole, part = divmod(abs(cents), 100)
    return f"{sign}{whole:,}" + (f".{part:02d}" if part else "")


def parse_currency(text: str) -> str:
    cleaned = text.strip().upper()
    if not _CURRENCY.fullmatch(cleaned):
        raise ValidationError(f'currency "{text.strip()}" must be a three-letter code like USD')
    return cleaned
