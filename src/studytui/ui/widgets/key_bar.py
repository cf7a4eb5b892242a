"""The key hints at the bottom of every screen: one line of text.

Textual's Footer builds a widget per key and recomposes them whenever the bindings change; on
the dashboard that cost about 70 ms of a ~350 ms first frame. This bar renders the same hints
(the screen's keys, then the app's, then the palette's) as a single Text.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.screen import Screen
from textual.widgets import Static


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

    def _show_keys(self) -> None:
        if not self.is_attached:
            return  # its screen closed before this deferred update ran
        key_style = self.get_component_rich_style("key-bar--key")
        description_style = self.get_component_rich_style("key-bar--description")
        text = Text(no_wrap=True, overflow="ellipsis", end="")
        shown: set[str] = set()
        palette = None
        for _node, binding, enabled, _tooltip in self.screen.active_bindings.values():
            if binding.key == self.app.COMMAND_PALETTE_BINDING:
                palette = binding
                continue
            if not binding.show or not enabled or binding.action in shown:
                continue
            shown.add(binding.action)
            text.append(f" {self.app.get_key_display(binding)} ", style=key_style)
            text.append(f"{binding.description} ", style=description_style)
        if palette is not None and self.app.ENABLE_COMMAND_PALETTE:
            # On the right, where Textual's footer puts it; the left part is cut first.
            hint = Text.assemble(
                (f" {self.app.get_key_display(palette)} ", key_style),
                ("palette ", description_style),
            )
            room = max(0, self.size.width - hint.cell_len)
            text.truncate(room, overflow="ellipsis", pad=True)
            text.append_text(hint)
        self.update(text)

    def on_resize(self) -> None:
        self._show_keys()
