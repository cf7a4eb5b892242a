"""`studytui whats-new`: what newer versions of studytui brought to this database's roadmap."""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from studytui.actions.content_updates import ContentNews, whats_new
from studytui.cli.context import open_store
from studytui.clock import now


def news_lines(news: Sequence[ContentNews]) -> list[str]:
    if not news:
        return ["Nothing new: your roadmap was built from the content of this version of studytui."]
    lines: list[str] = []
    for item in news:  # newest first
        if lines:
            lines.append("")
        day = item.applied_at.astimezone().date().isoformat()
        lines.append(f"Content version {item.version}, brought to this database on {day}:")
        lines.extend(item.lines)
    return lines


def cmd_whats_new(args: argparse.Namespace) -> int:
    moment = now()
    print("\n".join(news_lines(whats_new(open_store(args, moment), now=moment))))
    return 0
