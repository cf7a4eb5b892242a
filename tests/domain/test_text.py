"""User text made safe for a terminal and a spreadsheet, visibly rather than silently."""

from __future__ import annotations

from studytui.domain.text import elide_quotes, one_line, printable, spreadsheet_cell


def test_controls_become_visible_symbols_and_breaks_stay() -> None:
    assert printable("a\x1b[2Jb\x00c\x07\x7f\x9b") == "a␛[2Jb␀c␇␡\ufffd"
    assert printable("line\nnext\tcol") == "line\nnext\tcol"
    assert printable("line\nnext\u2028", keep_breaks=False) == "line␊next␤"


def test_one_line_folds_whitespace_and_shows_the_rest() -> None:
    assert one_line("  a\n\n b\r\n\tc \x1b ") == "a b c ␛"


def test_spreadsheet_cells_never_start_a_formula() -> None:
    for text in ("=1+1", "+1", "-1", "@SUM(A1)", "\tx"):
        assert spreadsheet_cell(text) == "'" + text
    assert spreadsheet_cell("a = b") == "a = b"
    assert spreadsheet_cell("\x1b=x") == "␛=x"


def test_long_quotes_are_cut_in_the_middle() -> None:
    long = "9" * 5000
    shown = elide_quotes(f'duration "{long}" is too long')
    assert shown == f'duration "{"9" * 50}…{"9" * 20}" is too long'
    assert elide_quotes('area "ml" not found') == 'area "ml" not found'


def test_first_line_says_when_there_is_more() -> None:
    from studytui.domain.text import first_line

    assert first_line("backprop by hand", 60) == "backprop by hand"
    assert first_line("backprop\nthen the chain rule", 60) == "backprop …"
    assert first_line("\n\n  backprop  \n", 60) == "backprop"
    assert first_line("x" * 70, 60) == "x" * 59 + "…"
    assert len(first_line("y" * 59 + "\nmore", 60)) == 60
    assert first_line("", 60) == ""


def test_a_snippet_shows_the_words_around_the_match() -> None:
    from studytui.domain.text import snippet

    assert snippet("short note", "note") == "short note"
    long = "word " * 30 + "Backprop by hand, then the chain rule " + "more " * 30
    found = snippet(long, "BACKPROP", width=40)
    assert "Backprop by hand" in found
    assert found.startswith("…") and found.endswith("…")
    assert len(found) == 42
    assert snippet("line one\nline two", "two") == "line one line two"
    assert snippet("x" * 100, "nothing", width=20) == "x" * 19 + "…"
