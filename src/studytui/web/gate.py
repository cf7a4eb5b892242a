"""Who may use a served studytui: the token, the addresses that need one, and the checks each
request passes. Plain functions, no web framework: the server calls them, tests call them too."""

from __future__ import annotations

import hmac
import secrets
import string
from dataclasses import dataclass
from urllib.parse import urlsplit

from studytui.domain.errors import ValidationError

TOKEN_ENV_VAR = "STUDYTUI_SERVE_TOKEN"
# The only addresses served without a token: this machine, under its usual names. Any other
# address, even another loopback alias, is a deliberate choice to be reached, so it needs one.
OPEN_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
TOKEN_MIN_LENGTH = 16
TOKEN_MAX_LENGTH = 256
# Characters that need no quoting in a URL or a cookie.
TOKEN_CHARACTERS = frozenset(string.ascii_letters + string.digits + "-_.~")


def needs_token(host: str) -> bool:
    return host not in OPEN_HOSTS


def new_token() -> str:
    return secrets.token_urlsafe(32)  # 256 random bits


def checked_token(token: str) -> str:
    """A token given with --token or the environment, if it is safe to rely on."""
    if not TOKEN_MIN_LENGTH <= len(token) <= TOKEN_MAX_LENGTH:
        raise ValidationError(
            f"the token must be {TOKEN_MIN_LENGTH} to {TOKEN_MAX_LENGTH} characters long"
        )
    if not set(token) <= TOKEN_CHARACTERS:
        raise ValidationError("the token may hold only letters, digits and - _ . ~")
    return token


def checked_port(port: int) -> int:
    if not 0 <= port <= 65535:
        raise ValidationError(f"port {port} is not a port number (0 to 65535; 0 picks a free one)")
    return port


def checked_session_limit(limit: int) -> int:
    if limit < 1:
        raise ValidationError("--max-sessions must be at least 1")
    return limit


def hostname_of(host_header: str | None) -> str | None:
    """The name in a Host header ("[::1]:8000" -> "::1"), or None if it is not one."""
    if not host_header:
        return None
    try:
        return urlsplit(f"//{host_header}").hostname
    except ValueError:  # a malformed port or bracket
        return None


@dataclass(frozen=True)
class Gate:
    """The checks of one server. `token` None means served on this machine only, without one."""

    token: str | None

    def admits(self, given: str | None) -> bool:
        if self.token is None:
            return True
        if given is None:
            return False
        # Constant time: how long a wrong guess takes says nothing about the right token.
        return hmac.compare_digest(given.encode(), self.token.encode())

    def trusts_host(self, host_header: str | None) -> bool:
        """Without a token, only requests addressed to this machine by its own names: a web
        page whose domain name was re-pointed at 127.0.0.1 (DNS rebinding) sends its own."""
        return self.token is not None or hostname_of(host_header) in OPEN_HOSTS

    @staticmethod
    def same_origin(origin: str | None, host_header: str | None) -> bool:
        """Browsers let any page open a websocket anywhere, but always say which page did: only
        our own page may start a session. A client that sends no Origin is not a browser."""
        if origin is None:
            return True
        try:
            netloc = urlsplit(origin).netloc
        except ValueError:
            return False
        return bool(netloc) and netloc.lower() == (host_header or "").lower()


def page_url(host: str, port: int, token: str | None) -> str:
    """The address to open. Served on every interface, the machine's name stands in for the
    address nobody can open ("0.0.0.0")."""
    import socket

    name = socket.gethostname() if host in ("", "0.0.0.0", "::") else host
    if ":" in name:
        name = f"[{name}]"
    return f"http://{name}:{port}/" + (f"?token={token}" if token else "")
