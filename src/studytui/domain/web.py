"""Web addresses typed by a user (a credential, an article, a talk's recording)."""

from __future__ import annotations

from urllib.parse import urlsplit

from studytui.domain.errors import ValidationError

URL_MAX = 2000  # the column's size


def parse_web_address(text: str, what: str = "link") -> str:
    """An http(s) address, or "" for none; `what` names the field in the messages."""
    cleaned = text.strip()
    if not cleaned:
        return ""
    parts = urlsplit(cleaned)
    if parts.scheme not in ("http", "https") or not parts.netloc or " " in cleaned:
        raise ValidationError(f'{what} "{cleaned}" must be a web address starting with https://')
    if len(cleaned) > URL_MAX:
        raise ValidationError(f"{what} is too long: at most {URL_MAX} characters")
    return cleaned
