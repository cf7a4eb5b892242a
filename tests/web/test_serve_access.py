"""Who gets in: the token on any address but this machine's own, our own page only, and a cap
on sessions. Checked against a real server; a refused request must start no app process."""

from __future__ import annotations

import asyncio
from urllib.parse import urlsplit

import aiohttp
import pytest
from tests.web.serving import Served, wait_until

# A loopback alias: "another address" for the server, while every test packet stays on this
# machine.
OTHER_ADDRESS = "127.0.0.2"


def base_and_token(served: Served) -> tuple[str, str | None]:
    parts = urlsplit(served.url)
    token = parts.query.removeprefix("token=") if parts.query else None
    return f"{parts.scheme}://{parts.netloc}", token


async def status_of(session: aiohttp.ClientSession, url: str, **kw: object) -> int:
    async with session.get(url, **kw) as response:  # type: ignore[arg-type]
        return response.status


async def ws_refused(session: aiohttp.ClientSession, url: str, **kw: object) -> int:
    with pytest.raises(aiohttp.WSServerHandshakeError) as info:
        await session.ws_connect(url, **kw)  # type: ignore[arg-type]
    return info.value.status


async def test_another_address_needs_the_token_for_the_page_and_the_websocket(serve) -> None:
    served = serve("--host", OTHER_ADDRESS)
    base, token = base_and_token(served)
    assert token is not None and len(token) >= 32  # a new one, printed in the address
    # unsafe: keep cookies from an IP address, as browsers do.
    async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as session:
        wrong = "x" * len(token)
        for url in (f"{base}/", f"{base}/?token={wrong}", f"{base}/static/js/textual.js"):
            assert await status_of(session, url) == 401, url
        for url in (f"{base}/ws", f"{base}/ws?token={wrong}"):
            assert await ws_refused(session, url) == 401, url
        wrong_cookie = {"Cookie": f"studytui-token-{urlsplit(base).port}={wrong}"}
        assert await ws_refused(session, f"{base}/ws", headers=wrong_cookie) == 401

        # The right token: the page sets the cookie its websocket then carries.
        async with session.get(f"{base}/?token={token}") as response:
            assert response.status == 200
            assert "/ws" in await response.text()
        async with session.ws_connect(f"{base}/ws?width=80&height=24") as ws:
            # Exactly one app: the refused requests above started none.
            wait_until(lambda: len(served.apps) == 1, "the app process")
            await ws.close()
        wait_until(lambda: not served.apps, "the app process to quit")


async def test_the_token_can_come_from_the_environment(serve) -> None:
    served = serve("--host", OTHER_ADDRESS, env={"STUDYTUI_SERVE_TOKEN": "a" * 20})
    base, token = base_and_token(served)
    assert token == "a" * 20
    async with aiohttp.ClientSession() as session:
        assert await status_of(session, f"{base}/") == 401
        assert await status_of(session, f"{base}/?token={token}") == 200


async def test_this_machine_needs_no_token_but_only_our_page_may_open_a_session(serve) -> None:
    served = serve()
    base, token = base_and_token(served)
    assert token is None
    async with aiohttp.ClientSession() as session:
        async with session.get(f"{base}/") as page:
            assert page.status == 200
            # No other site may show it in a frame, where it could catch the keys typed.
            assert page.headers["X-Frame-Options"] == "DENY"
            assert "frame-ancestors 'none'" in page.headers["Content-Security-Policy"]
        # Another web page's websocket, and a name re-pointed at 127.0.0.1 (DNS rebinding).
        evil = {"Origin": "http://evil.example"}
        assert await ws_refused(session, f"{base}/ws", headers=evil) == 403
        assert await status_of(session, f"{base}/", headers={"Host": "evil.example"}) == 403
        host = urlsplit(base).netloc
        async with session.ws_connect(f"{base}/ws", headers={"Origin": f"http://{host}"}) as ws:
            wait_until(lambda: len(served.apps) == 1, "the app process")
            await ws.close()


async def test_sessions_beyond_the_limit_are_turned_away(serve) -> None:
    served = serve("--max-sessions", "1")
    base, _ = base_and_token(served)
    async with aiohttp.ClientSession() as session:
        first = await session.ws_connect(f"{base}/ws")
        wait_until(lambda: len(served.apps) == 1, "the first app process")
        assert await ws_refused(session, f"{base}/ws") == 503
        assert await status_of(session, f"{base}/") == 503
        assert len(served.apps) == 1
        await first.close()
        wait_until(lambda: not served.apps, "the first app to quit")
        # Its place is free again, once the server has seen its app end.
        for _ in range(200):
            if await status_of(session, f"{base}/") == 200:
                break
            await asyncio.sleep(0.05)
        async with session.ws_connect(f"{base}/ws") as second:
            wait_until(lambda: len(served.apps) == 1, "the second app process")
            await second.close()


async def test_stopping_the_server_ends_the_open_sessions(serve) -> None:
    served = serve()
    base, _ = base_and_token(served)
    async with aiohttp.ClientSession() as session, session.ws_connect(f"{base}/ws"):
        wait_until(lambda: len(served.apps) == 1, "the app process")
        assert served.stop() == 0  # and stop() checks that the app process is gone
