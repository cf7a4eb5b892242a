"""The key hints at the bottom of every screen.

Textual's Footer builds a widget per key and recomposes them whenever the bindings change; on
the dashboard that cost about 70 ms of a ~350 ms first frame. This bar renders the same hints
as text, and decides what to show when they do not all fit:

- help, quit and the command palette are always shown, on the right of the last line;
- the screen's own keys come first, in the order the screen declares them (its most useful
  first), then the keys that switch screens (but not the one of the screen already shown);
- when they do not fit, the bar wraps onto a second line if the terminal is tall enough, and
  drops keys, the screen-switching ones first, then the screen's own from the last. Every key
  is still listed by `?`.

While a text box has the focus it takes `?` and `q` as text: the bar then shows the keys that
still work there (f1 and ctrl+q, bound by the app).

A dialog gets a bar of its own (the app mounts it): the dialog's keys, then f1 and ctrl+q, the
app's only keys that reach past a dialog. The bar of the screen below would name keys that do
nothing while the dialog is open.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Static

# Terminals at least this tall may give the bar a second line.
TWO_LINES_FROM_HEIGHT = 30


@dataclass(frozen=True)
class Hint:
    key: str
    description: str
    # Hints of one group (a Textual `Binding.Group`, such as previous and next) are shown
    # together or not at all: one of a pair alone reads as if the other did not exist.
    group: str = ""

    @property
    def width(self) -> int:
        return Text(f" {self.key} {self.description} ").cell_len


def _units(hints: list[Hint]) -> list[list[Hint]]:
    """The hints in their order, each group in one unit where its first hint is."""
    units: list[list[Hint]] = []
    grouped: dict[str, list[Hint]] = {}
    for hint in hints:
        if hint.group and hint.group in grouped:
            grouped[hint.group].append(hint)
            continue
        unit = [hint]
        if hint.group:
            grouped[hint.group] = unit
        units.append(unit)
    return units


def _role(binding: Binding) -> str:
    """ "help", "quit", "screen" (a key switching screen) or "own" (the screen's keys)."""
    if binding.action == "help":
        return "help"
    if binding.action in ("quit", "quit_with_error"):
        return "quit"
    if (binding.id or "").startswith("go-"):
        return "screen"
    return "own"


def layout(
    hints: list[Hint], pinned: list[Hint], width: int, lines: int
) -> tuple[list[list[Hint]], list[Hint]]:
    """Place `hints` (most important first) on at most `lines` lines of `width` cells, in
    their order, leaving room for `pinned` at the end of the last line. Returns the lines and
    the hints left out (the least important ones); a group's hints stay or go together."""
    pinned_width = sum(h.width for h in pinned)
    units = _units(hints)

    def flat(chosen: list[list[Hint]]) -> list[Hint]:
        return [hint for unit in sorted(chosen, key=units.index) for hint in unit]

    kept = list(units)
    dropped: list[list[Hint]] = []
    while kept and _wrap(flat(kept), width, pinned_width, lines) is None:
        dropped.insert(0, kept.pop())
    # A shorter key further down the list may still fit in what is left.
    for unit in list(dropped):
        if _wrap(flat([*kept, unit]), width, pinned_width, lines) is not None:
            kept.append(unit)
            dropped.remove(unit)
    placed = _wrap(flat(kept), width, pinned_width, lines)
    return (placed if placed is not None else [[]]), flat(dropped)


def _wrap(hints: list[Hint], width: int, pinned_width: int, lines: int) -> list[list[Hint]] | None:
    rows: list[list[Hint]] = [[]]
    used = 0
    for hint in hints:
        if used + hint.width > width:
            if len(rows) == lines:
                return None
            rows.append([])
            used = 0
        rows[-1].append(hint)
        used += hint.width
    if used + pinned_width > width:
        if len(rows) == lines:
            return None
        rows.append([])
    return rows


class KeyBar(Static):
    COMPONENT_CLASSES: ClassVar[set[str]] = {"key-bar--key", "key-bar--description"}
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        width: 100%;
        background: $footer-background;
        color: $footer-foreground;
    }
    KeyBar > .key-bar--key {
        color: $footer-key-foreground;
        text-style: bold;
    }
    KeyBar > .key-bar--description {
        color: $footer-description-foreground;
    }
    """

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self.call_after_refresh(self._show_keys)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        if self.is_attached and screen is self.screen:
            self.call_after_refresh(self._show_keys)

    def hints(self) -> tuple[list[Hint], list[Hint]]:
        """The screen's hints in the order they are kept (most useful first), and the ones
        always shown: help, quit and the palette."""
        app = self.app
        own: list[Hint] = []
        screens: list[Hint] = []
        found: dict[str, tuple[bool, Hint]] = {}
        shown: set[str] = set()
        current = f"go-{app.current_mode}"
        palette: Hint | None = None
        # In the order the screen declares its keys: a widget's priority binding (the arrows
        # of the daily log) would otherwise take the place of the widget's own.
        declared = {key: i for i, key in enumerate(self.screen._bindings.key_to_bindings)}
        active = sorted(
            self.screen.active_bindings.items(), key=lambda item: declared.get(item[0], -1)
        )
        if self.screen.is_modal:
            # The app's keys stop at a dialog (Textual's modal binding chain), except its
            # priority ones: f1 (unless the dialog takes it itself) and ctrl+q.
            for key in ("f1", "ctrl+q"):
                if key in self.screen.active_bindings:
                    continue
                for binding in app._bindings.key_to_bindings.get(key, ()):
                    found[_role(binding)] = (
                        True,
                        Hint(app.get_key_display(binding), binding.description),
                    )
        for _key, (_node, binding, enabled, _tooltip) in active:
            if binding.key == app.COMMAND_PALETTE_BINDING:
                if app.ENABLE_COMMAND_PALETTE:
                    palette = Hint(app.get_key_display(binding), "palette")
                continue
            role = _role(binding)
            if role in ("help", "quit"):
                # The first shown key (`?`, `q`) if a text box has not taken it, else the other.
                if enabled and (role not in found or (binding.show and not found[role][0])):
                    hint = Hint(app.get_key_display(binding), binding.description)
                    found[role] = (binding.show, hint)
                continue
            if not binding.show or not enabled or binding.action in shown:
                continue
            shown.add(binding.action)
            group = binding.group.description if binding.group else ""
            hint = Hint(app.get_key_display(binding), binding.description, group)
            if role == "screen":
                if binding.id != current:
                    screens.append(hint)
            else:
                own.append(hint)
        pinned = [found[role][1] for role in ("help", "quit") if role in found]
        if palette is not None:
            pinned.append(palette)
        return own + screens, pinned

    def _show_keys(self) -> None:
        if not self.is_attached:
            return  # its screen closed before this deferred update ran
        width = self.size.width or self.app.size.width
        hints, pinned = self.hints()
        lines = 2 if self.app.size.height >= TWO_LINES_FROM_HEIGHT else 1
        order = {hint: index for index, hint in enumerate(hints)}
        rows, _dropped = layout(hints, pinned, width, lines)
        # Hints keep their order on screen: the screen's own keys, then the screen switches.
        for row in rows:
            row.sort(key=order.__getitem__)
        key_style = self.get_component_rich_style("key-bar--key")
        description_style = self.get_component_rich_style("key-bar--description")
        text = Text(no_wrap=True, overflow="ellipsis", end="")
        for index, row in enumerate(rows):
            line = Text(no_wrap=True, overflow="ellipsis", end="")
            for hint in row:
                _append(line, hint, key_style, description_style)
            if index == len(rows) - 1:
                right = Text(no_wrap=True, end="")
                for hint in pinned:
                    _append(right, hint, key_style, description_style)
                line.truncate(max(0, width - right.cell_len), pad=True)
                line.append_text(right)
            line.truncate(width, overflow="ellipsis")
            if index:
                text.append("\n")
            text.append_text(line)
        if self.styles.height is None or self.styles.height.value != len(rows):
            self.styles.height = len(rows)
        self.update(text)

    def on_resize(self) -> None:
        self._show_keys()


def _append(text: Text, hint: Hint, key_style: Style, description_style: Style) -> None:
    text.append(f" {hint.key} ", style=key_style)
    text.append(f"{hint.description} ", style=description_style)
