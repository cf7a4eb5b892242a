"""Sorting a table by a column: stepping through columns, clicking headers, empty values last."""

from __future__ import annotations

from studytui.domain.sorting import SortOrder, sort_rows

COLUMNS = ("name", "date", "hours")


def test_o_steps_through_the_columns_and_back_to_the_screens_own_order() -> None:
    order = SortOrder()
    seen = []
    for _ in range(4):
        order = order.next_column(COLUMNS)
        seen.append(order.column)
    assert seen == ["name", "date", "hours", None]
    assert SortOrder("date", descending=True).next_column(COLUMNS) == SortOrder("hours")


def test_a_second_click_on_a_header_turns_the_order_round() -> None:
    order = SortOrder().clicked("hours")
    assert order == SortOrder("hours")
    assert order.arrow("hours") == " ▲" and order.arrow("name") == ""
    order = order.clicked("hours")
    assert order == SortOrder("hours", descending=True) and order.arrow("hours") == " ▼"
    assert order.clicked("name") == SortOrder("name")


def test_empty_values_come_last_both_ways_and_ties_keep_their_order() -> None:
    rows = [("a", None), ("b", 3), ("c", 1), ("d", 3), ("e", None)]
    assert [r[0] for r in sort_rows(rows, lambda r: r[1])] == ["c", "b", "d", "a", "e"]
    down = sort_rows(rows, lambda r: r[1], descending=True)
    assert [r[0] for r in down] == ["b", "d", "c", "a", "e"]
