"""textual-serve's server behind the gate: one app process per browser session, a cap on how
many run at once, and nothing started for a request the gate turns away.

Imported only by `studytui serve`: aiohttp and textual-serve cost a fifth of a second to import,
which the terminal app and the quick commands never pay.
"""

from __future__ import annotations

import asyncio
import logging
import shlex
import signal
import sys
from asyncio.subprocess import Process
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

import aiohttp_jinja2
from aiohttp import web
from textual_serve.app_service import AppService
from textual_serve.server import Server, to_int

from studytui.domain.errors import ValidationError
from studytui.web.gate import Gate, page_url

if TYPE_CHECKING:
    from studytui.actions.database import Location

log = logging.getLogger("studytui.web")

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

# How long stopping the server waits for the app processes to save and quit.
SHUTDOWN_GRACE_SECONDS = 10.0

REFUSED_TOKEN = (
    "401: this studytui needs its token. Open the address it printed when it started, "
    "the one that ends in ?token=...\n"
)
REFUSED_HOST = "403: this studytui answers only to 127.0.0.1, localhost and [::1].\n"
REFUSED_ORIGIN = "403: only studytui's own page may start a session.\n"
FULL = (
    "503: studytui already runs {limit} browser sessions, its limit. Close one (or its tab) "
    "and reload this page.\n"
)


class StudyServer(Server):
    def __init__(
        self, *, db_path: Location, host: str, port: int, gate: Gate, max_sessions: int
    ) -> None:
        # The very interpreter of this command: a browser session is the terminal app, with the
        # same guarantees. It finds the database as every command does, in $STUDYTUI_DB, which
        # the caller has set. `exec`: textual-serve starts it through a shell, and the process
        # it waits for must be the app itself.
        argv = [sys.executable, "-m", "studytui"]
        super().__init__(f"exec {shlex.join(argv)}", host=host, port=port, title="studytui")
        self.db_path = db_path
        self.gate = gate
        self.max_sessions = max_sessions
        # Each open session's websocket, and the task that serves it.
        self.sessions: dict[web.WebSocketResponse, asyncio.Task[Any]] = {}

    @property
    def cookie_name(self) -> str:
        # Cookies are shared by every port of a host: two servers must not overwrite each other's.
        return f"studytui-token-{self.port}"

    def initialize_logging(self) -> None:
        # Warnings only: textual-serve's request log would print the token with every page.
        logging.basicConfig(level=logging.WARNING, format="studytui serve: %(message)s")

    async def on_startup(self, app: web.Application) -> None:
        """Nothing: textual-serve's banner would name the wrong address; run() prints ours."""

    async def _make_app(self) -> web.Application:
        app = await super()._make_app()
        app.middlewares.append(self._guard)
        app.on_response_prepare.append(self._add_headers)
        return app

    @web.middleware
    async def _guard(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        """Every request, before anything is served or started."""
        given = request.query.get("token", request.cookies.get(self.cookie_name))
        if not self.gate.admits(given):
            return web.Response(status=401, text=REFUSED_TOKEN)
        if not self.gate.trusts_host(request.headers.get("Host")):
            return web.Response(status=403, text=REFUSED_HOST)
        response = await handler(request)
        if request.match_info.route.name == "index" and self.gate.token is not None:
            # The page's own requests (scripts, the websocket) carry the token from here on.
            response.set_cookie(
                self.cookie_name, self.gate.token, httponly=True, samesite="Strict", path="/"
            )
        return response

    @staticmethod
    async def _add_headers(request: web.Request, response: web.StreamResponse) -> None:
        response.headers["Referrer-Policy"] = "no-referrer"  # the page's address holds the token
        # No other site may frame the app and catch the keys typed into it.
        response.headers["X-Frame-Options"] = "DENY"
        response.headers["Content-Security-Policy"] = "frame-ancestors 'none'"
        if request.match_info.route.name == "index":
            response.headers["Cache-Control"] = "no-store"

    @aiohttp_jinja2.template("app_index.html")
    async def handle_index(self, request: web.Request) -> dict[str, Any]:
        self._check_room()
        # textual-serve builds these from the address it listens on, which is no address to
        # open when that is 0.0.0.0: use the one the browser used to reach us.
        scheme = "wss" if request.secure else "ws"
        return {
            "font_size": to_int(request.query.get("fontsize", "16"), 16),
            "app_websocket_url": f"{scheme}://{request.host}/ws",
            "config": {"static": {"url": "/static/"}},
            "application": {"name": self.title},
        }

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """textual-serve's, but the session ends only once its app process has: the limit then
        counts processes, and stopping the server waits for every app to save and quit."""
        if not self.gate.same_origin(request.headers.get("Origin"), request.headers.get("Host")):
            raise web.HTTPForbidden(text=REFUSED_ORIGIN)
        self._check_room()
        websocket = web.WebSocketResponse(heartbeat=15)
        task = asyncio.current_task()
        assert task is not None  # aiohttp handles every request in a task
        self.sessions[websocket] = task  # before the first await: the check above still holds
        try:
            await websocket.prepare(request)
            await self._run_app(request, websocket)
        finally:
            del self.sessions[websocket]
        return websocket

    def _check_room(self) -> None:
        if len(self.sessions) >= self.max_sessions:
            raise web.HTTPServiceUnavailable(text=FULL.format(limit=self.max_sessions))

    async def _run_app(self, request: web.Request, websocket: web.WebSocketResponse) -> None:
        async def close() -> None:
            await websocket.close()

        app = AppProcess(
            self.command,
            write_bytes=websocket.send_bytes,
            write_str=websocket.send_str,
            close=close,
            download_manager=self.download_manager,
        )
        try:
            width = to_int(request.query.get("width", "80"), 80)
            await app.start(width, to_int(request.query.get("height", "24"), 24))
            await self._process_messages(websocket, app)
        except (ValueError, TypeError, KeyError, AssertionError):  # not what our page sends
            log.warning("a browser sent what studytui's page never sends; its session ended")
        finally:
            await app.end()

    async def run(self) -> None:
        runner = web.AppRunner(
            await self._make_app(),
            access_log=None,
            handle_signals=False,
            shutdown_timeout=SHUTDOWN_GRACE_SECONDS,
        )
        await runner.setup()
        try:
            await web.TCPSite(runner, self.host, self.port).start()
        except OSError as exc:
            await runner.cleanup()
            reason = exc.strerror or str(exc)
            raise ValidationError(
                f"cannot serve on {self.host} port {self.port}: {reason}"
                " (choose another with --host or --port)"
            ) from None
        self.port = runner.addresses[0][1]  # the one picked, for --port 0
        print(f"Serving {self.db_path} to the browser (Ctrl+C stops). Open:", flush=True)
        print(page_url(self.host, self.port, self.gate.token), flush=True)

        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(signum, stop.set)
        await stop.wait()
        await self._end_sessions()
        await runner.cleanup()

    async def _end_sessions(self) -> None:
        """Close every session as its browser tab would: each tells its app to quit and waits
        for it, so an entry being saved is saved."""
        tasks = set(self.sessions.values())
        for websocket in list(self.sessions):
            await websocket.close()
        if tasks:
            await asyncio.wait(tasks, timeout=SHUTDOWN_GRACE_SECONDS)


class AppProcess(AppService):
    """One browser session's app process."""

    process: Process | None = None

    async def _open_app_process(self, width: int = 80, height: int = 24) -> Process:
        self.process = await super()._open_app_process(width, height)
        return self.process

    async def end(self) -> None:
        """Ask the app to quit, and make sure it has: one that hangs is killed."""
        await self.stop()
        if self.process is None or self.process.returncode is not None:
            return
        try:
            await asyncio.wait_for(self.process.wait(), SHUTDOWN_GRACE_SECONDS)
        except TimeoutError:
            self.process.kill()
            await self.process.wait()


def serve(*, db_path: Location, host: str, port: int, gate: Gate, max_sessions: int) -> int:
    server = StudyServer(
        db_path=db_path, host=host, port=port, gate=gate, max_sessions=max_sessions
    )
    server.initialize_logging()
    asyncio.run(server.run())
    return 0
