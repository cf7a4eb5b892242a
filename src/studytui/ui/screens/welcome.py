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
from studytui.domain.settings import SETTING_KEYS, Settings
from studytui.ui.store import Store
from studytui.ui.widgets.key_bar import KeyBar

DEFAULT_TEMPLATE = "software"
GOALS = {"daily_goal": "Daily goal", "weekly_goal": "Weekly goal"}


class WelcomeScreen(Screen[bool]):
    TITLE = "Welcome"  # how `?` names this screen
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
            # The Start button beside the goals: all of it fits on 80x24 without scrolling.
            with Horizontal(classes="goal-row"):
                for key, label in GOALS.items():
                    with Vertical():
                        yield Label(label)
                        yield Input(format_minutes(getattr(defaults, key)), id=key)
                with Vertical(id="start-column"):
                    yield Label(" ")
                    yield Button("Start (ctrl+s)", variant="primary", id="start")
            # One line the width of the screen, each message named after its field.
            yield Label("", id="goal-error", classes="field-error", markup=False)
            yield Static(
                "Goals accept 45m, 1h30m, 1.5h or 1:30; change them later in Settings.",
                classes="dialog-hint",
            )
        yield KeyBar()

    def on_mount(self) -> None:
        # RadioSet highlights its first choice; move the highlight to the one pressed, so that
        # enter keeps the default instead of choosing another.
        radio_set = self.query_one(RadioSet)
        buttons = list(radio_set.query(RadioButton))
        for _ in range(next((i for i, b in enumerate(buttons) if b.value), 0)):
            radio_set.action_next_button()
        # The arrows and enter choose a starting point from the first key pressed.
        radio_set.focus()
        # The description follows the highlight, so what is read below is what enter would
        # choose. RadioSet posts no message when the arrows move it: watch its private
        # `_selected` (tests/ui/test_layout.py fails if a Textual release renames it).
        self.watch(radio_set, "_selected", self._describe_highlighted)

    def _describe_highlighted(self, index: int | None) -> None:
        buttons = list(self.query_one(RadioSet).query(RadioButton))
        if index is not None and 0 <= index < len(buttons):
            self._describe(buttons[index].name)

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        self._describe(event.pressed.name)

    def _describe(self, key: str | None) -> None:
        summary = load_templates()[key or DEFAULT_TEMPLATE].summary
        self.query_one("#template-summary", Static).update(summary)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "start":
            self.action_start()

    def on_input_submitted(self, _event: Input.Submitted) -> None:
        self.action_start()

    def action_start(self) -> None:
        goals: dict[str, str] = {}
        errors: list[str] = []
        wrong: list[Input] = []
        for key, label in GOALS.items():
            field = self.query_one(f"#{key}", Input)
            try:
                SETTING_KEYS[key].parse(field.value)
            except ValidationError as exc:
                errors.append(f"{label}: {exc}")  # as the field is named, not `daily_goal`
                wrong.append(field)
            else:
                goals[key] = field.value
        error = self.query_one("#goal-error", Label)
        error.update("\n".join(errors))
        if errors:
            error.scroll_visible()
            wrong[0].focus()  # so that the correction goes where the message points
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
