"""User text made safe for where it is shown: a terminal and a spreadsheet.

Notes, names and titles come from the keyboard and from import files, so they may hold
anything: an escape sequence that retitles or clears the terminal, a NUL, a cell that a
spreadsheet would run as a formula. These rules neutralise them visibly instead of dropping
them, so what was stored can still be recognised.
"""

from __future__ import annotations

import re

# C0 controls (but the line breaks and tabs a text may keep), DEL and the C1 controls, which
# some terminals read as the start of an escape sequence (U+009B is CSI).
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# On one line, the Unicode line and paragraph separators break it as well.
_CONTROLS_AND_BREAKS = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
# A spreadsheet runs a cell that starts with one of these as a formula (OWASP's list).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # the Unicode "control picture": NUL shows as ␀, ESC as ␛
    if code == 0x7F:
        return "\u2421"  # ␡
    if code in (0x2028, 0x2029):
        return "\u2424"  # ␤
    return "\ufffd"


def printable(text: str, *, keep_breaks: bool = True) -> str:
    """`text` with every control character shown as a visible symbol; line breaks and tabs
    are kept unless `keep_breaks` is False."""
    pattern = _CONTROLS if keep_breaks else _CONTROLS_AND_BREAKS
    return pattern.sub(_picture, text)


def one_line(text: str) -> str:
    """`text` on one line: runs of whitespace (line breaks too) become one space."""
    return printable(" ".join(text.split()), keep_breaks=False)


def spreadsheet_cell(text: str) -> str:
    """A text cell that a spreadsheet shows as text: controls made visible, and a leading
    character that would start a formula escaped with an apostrophe."""
    cleaned = printable(text)
    return "'" + cleaned if cleaned.startswith(FORMULA_STARTS) else cleaned


_LONG_QUOTE = re.compile(r'"([^"\n]{81,})"')


def elide_quotes(message: str) -> str:
    """`message` with any quoted text longer than 80 characters cut in the middle: a message
    that quotes 5000 typed digits back says no more than one that quotes the first few."""
    return _LONG_QUOTE.sub(lambda m: f'"{m.group(1)[:50]}…{m.group(1)[-20:]}"', message)


def first_line(text: str, width: int) -> str:
    """The first line of `text` for a one-line cell, at most `width` characters; a closing
    "…" says there is more (more lines, or more of the line) to see in the detail view."""
    lines = [line for line in text.strip().splitlines() if line.strip()]
    if not lines:
        return ""
    first = one_line(lines[0])
    if len(first) > width:
        return first[: max(0, width - 1)] + "…"
    if len(lines) > 1:
        return first[: max(0, width - 2)] + " …"
    return first


def snippet(text: str, query: str, width: int = 60) -> str:
    """The words of `text` around the first place it holds `query` (any case), on one line
    and about `width` characters long; "…" marks where it was cut."""
    flat = one_line(text)
    at = flat.lower().find(" ".join(query.split()).lower())  # on one line, as `flat` is
    if at < 0 or len(flat) <= width:
        return flat if len(flat) <= width else flat[: width - 1] + "…"
    start = max(0, min(at - width // 3, len(flat) - width))
    cut = flat[start : start + width]
    return ("…" if start > 0 else "") + cut + ("…" if start + width < len(flat) else "")
