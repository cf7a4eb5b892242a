"""The command palette: every screen and every action of the current screen, by name."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider


class StudyCommands(Provider):
    def _commands(self) -> list[tuple[str, str, object]]:
        from studytui.ui.screens.registry import SCREENS_BY_KEY

        app = self.app
        commands: list[tuple[str, str, object]] = [
            (
                f"Go to {title}",
                f"Open the {title} screen (key {key})",
                partial(app.switch_mode, mode),
            )
            for mode, key, title in SCREENS_BY_KEY
            if not getattr(app, "screens_blocked", False)
        ]
        if not getattr(app, "screens_blocked", False):
            commands.append(
                (
                    "Search",
                    "Find notes, milestones, certificates and activities (/)",
                    app.action_search,  # type: ignore[attr-defined]
                )
            )
        commands.append(("Help: keys", "Show every key (?)", app.action_help))  # type: ignore[attr-defined]
        commands.append(("Refresh", "Reload from the database (ctrl+r)", app.action_reload))  # type: ignore[attr-defined]
        screen = self.screen
        for bindings in screen._bindings.key_to_bindings.values():
            for binding in bindings:
                if binding.description and binding.action:
                    commands.append(
                        (
                            binding.description,
                            f"On this screen (key {binding.key_display or binding.key})",
                            partial(screen.run_action, binding.action),
                        )
                    )
        return commands

    async def discover(self) -> Hits:
        for name, help_text, callback in self._commands():
            yield DiscoveryHit(name, callback, help=help_text)  # type: ignore[arg-type]

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, callback in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, help=help_text)  # type: ignore[arg-type]
