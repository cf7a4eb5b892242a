"""The two pure rules behind the layout: how the key bar keeps its most useful keys, and how
the flexible columns of a table share the room left to them."""

from __future__ import annotations

from studytui.ui.widgets.key_bar import Hint, layout
from studytui.ui.widgets.text_table import share_room

HELP, QUIT = Hint("?", "Help"), Hint("q", "Quit")


def _hints(*words: str) -> list[Hint]:
    return [Hint(word[0], word) for word in words]


def test_everything_fits_on_one_line_when_there_is_room() -> None:
    hints = _hints("add", "edit", "delete")
    rows, dropped = layout(hints, [HELP, QUIT], width=80, lines=1)
    assert rows == [hints] and dropped == []


def test_the_least_useful_keys_go_first_and_a_short_one_fills_the_gap() -> None:
    hints = [Hint("n", "New milestone"), Hint("x", "A very long description"), Hint("e", "Edit")]
    pinned_width = HELP.width + QUIT.width
    width = pinned_width + hints[0].width + hints[2].width
    rows, dropped = layout(hints, [HELP, QUIT], width=width, lines=1)
    # The long one is dropped, though it comes before "Edit": Edit still fits after New.
    assert rows == [[hints[0], hints[2]]] and dropped == [hints[1]]


def test_a_second_line_keeps_every_key_and_the_pinned_ones_end_the_last_line() -> None:
    hints = _hints(*(f"key{n:02}" for n in range(10)))
    _one, dropped_one = layout(hints, [HELP, QUIT], width=60, lines=1)
    two, dropped_two = layout(hints, [HELP, QUIT], width=60, lines=2)
    assert dropped_one and not dropped_two
    assert len(two) == 2 and [h for row in two for h in row] == hints
    assert sum(h.width for h in two[-1]) + HELP.width + QUIT.width <= 60


def test_help_and_quit_stay_even_when_nothing_else_fits() -> None:
    rows, dropped = layout(_hints("add", "edit"), [HELP, QUIT], width=18, lines=1)
    assert rows == [[]] and len(dropped) == 2


def test_columns_keep_their_natural_width_when_the_room_allows() -> None:
    assert share_room({"name": 40, "note": 10}, {"name": 20, "note": 8}, 80) == {
        "name": 40,
        "note": 10,
    }


def test_the_widest_columns_give_way_first_and_evenly() -> None:
    widths = share_room(
        {"name": 60, "provider": 19, "track": 6}, {"name": 20, "provider": 9, "track": 6}, 50
    )
    assert widths["track"] == 6  # narrow enough to keep its own width
    assert sum(widths.values()) == 50
    assert abs(widths["name"] - widths["provider"]) <= 1 or widths["provider"] == 19


def test_no_column_goes_below_its_least_width() -> None:
    widths = share_room({"name": 60, "note": 40}, {"name": 20, "note": 16}, 10)
    assert widths == {"name": 20, "note": 16}  # more than the room: the table scrolls


def test_a_group_is_kept_or_dropped_whole() -> None:
    previous, after = Hint("←", "Previous", "days"), Hint("→", "Next", "days")
    hints = [Hint("n", "Add"), previous, after, Hint("t", "Today")]
    pinned_width = HELP.width + QUIT.width
    # Room for Add and Next but not for Previous too: neither arrow, Today fills the gap.
    width = pinned_width + hints[0].width + after.width + 1
    rows, dropped = layout(hints, [HELP, QUIT], width=width, lines=1)
    assert rows == [[hints[0], hints[3]]] and dropped == [previous, after]
    rows, dropped = layout(hints, [HELP, QUIT], width=width + previous.width, lines=1)
    assert rows == [[hints[0], previous, after]] and dropped == [hints[3]]
