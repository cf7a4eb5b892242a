"""First launch: choose a starting point and goals; the roadmap is filled from its template."""

from __future__ import annotations

from typing import ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Input, Label, RadioButton, RadioSet, Static

from studytui.builtin_content import load_templates
from studytui.clock import now
from studytui.domain.durations import format_minutes
from studytui.domain.errors import ValidationError
from studytui.domain.settings import Settings, parse_setting
from studytui.ui.store import Store
from studytui.ui.widgets.key_bar import KeyBar

DEFAULT_TEMPLATE = "software"


class WelcomeScreen(Screen[bool]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "start", "Start", id="welcome-start"),
    ]

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store

    def compose(self) -> ComposeResult:
        templates = load_templates()
        defaults = Settings()
        with VerticalScroll(id="welcome"):
            yield Static("Welcome to studytui", id="welcome-title")
            yield Static(
                "Log what you study each day, keep a streak, follow a roadmap to machine-learning "
                "engineering. Where are you starting from?"
            )
            with RadioSet(id="template"):
                for key, template in templates.items():
                    yield RadioButton(template.name, value=key == DEFAULT_TEMPLATE, name=key)
            # The summaries are a few lines each: one shown in full reads better than three
            # cut to a line.
            yield Static(templates[DEFAULT_TEMPLATE].summary, id="template-summary")
            with Horizontal(classes="goal-row"):
                with Vertical():
                    yield Label("Daily goal")
                    yield Input(format_minutes(defaults.daily_goal), id="daily_goal")
                    yield Label("", id="daily_goal-error", classes="field-error", markup=False)
                with Vertical():
                    yield Label("Weekly goal")
                    yield Input(format_minutes(defaults.weekly_goal), id="weekly_goal")
                    yield Label("", id="weekly_goal-error", classes="field-error", markup=False)
            yield Static(
                "Goals accept 45m, 1h30m, 1.5h or 1:30; change them later in Settings.",
                classes="dialog-hint",
            )
            yield Button("Start (ctrl+s)", variant="primary", id="start")
        yield KeyBar()

    def on_mount(self) -> None:
        # RadioSet highlights its first choice; move the highlight to the one pressed, so that
        # enter keeps the default instead of choosing another.
        radio_set = self.query_one(RadioSet)
        buttons = list(radio_set.query(RadioButton))
        for _ in range(next((i for i, b in enumerate(buttons) if b.value), 0)):
            radio_set.action_next_button()

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        key = event.pressed.name or DEFAULT_TEMPLATE
        self.query_one("#template-summary", Static).update(load_templates()[key].summary)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "start":
            self.action_start()

    def on_input_submitted(self, _event: Input.Submitted) -> None:
        self.action_start()

    def action_start(self) -> None:
        goals: dict[str, str] = {}
        ok = True
        for key in ("daily_goal", "weekly_goal"):
            text = self.query_one(f"#{key}", Input).value
            error = self.query_one(f"#{key}-error", Label)
            try:
                parse_setting(key, text)
            except ValidationError as exc:
                error.update(str(exc))
                ok = False
            else:
                error.update("")
                goals[key] = text
        if not ok:
            return
        pressed = self.query_one(RadioSet).pressed_button
        template = pressed.name if pressed is not None and pressed.name else DEFAULT_TEMPLATE
        self.query_one("#start", Button).disabled = True
        self._seed(template, goals)

    @work(thread=True, exclusive=True)
    def _seed(self, template_key: str, goals: dict[str, str]) -> None:
        from studytui.actions.errors import ACTION_ERRORS
        from studytui.actions.setup import set_up

        try:
            set_up(self.store.db, template=template_key, goals=goals, now=now())
        except ACTION_ERRORS as exc:
            self.app.call_from_thread(self.notify, str(exc), severity="error", timeout=10)
            self.app.call_from_thread(self._enable_start)
            return
        self.store.seeded = True
        self.app.call_from_thread(self.dismiss, True)

    def _enable_start(self) -> None:
        self.query_one("#start", Button).disabled = False
