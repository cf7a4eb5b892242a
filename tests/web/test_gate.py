"""The gate's rules on their own: which addresses need a token, which tokens are accepted."""

from __future__ import annotations

import pytest

from studytui.domain.errors import ValidationError
from studytui.web.gate import (
    Gate,
    checked_port,
    checked_session_limit,
    checked_token,
    hostname_of,
    needs_token,
    new_token,
    page_url,
)


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "::1"])
def test_this_machine_is_served_without_a_token(host: str) -> None:
    assert not needs_token(host)


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.168.1.20", "127.0.0.2", "my-laptop"])
def test_any_other_address_needs_one(host: str) -> None:
    assert needs_token(host)


def test_new_tokens_are_long_usable_and_different() -> None:
    tokens = {new_token() for _ in range(20)}
    assert len(tokens) == 20
    for token in tokens:
        assert checked_token(token) == token
        assert len(token) >= 40


@pytest.mark.parametrize(
    ("token", "message"),
    [
        ("short", "16 to 256 characters"),
        ("x" * 257, "16 to 256 characters"),
        ("sixteen chars ok", "letters, digits"),  # a space
        ("a" * 15 + "&", "letters, digits"),
    ],
)
def test_weak_or_unquotable_tokens_are_refused(token: str, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        checked_token(token)


def test_a_gate_with_a_token_admits_only_that_token() -> None:
    gate = Gate("right-token-right-token")
    assert gate.admits("right-token-right-token")
    for given in (None, "", "right-token-right-toke", "right-token-right-tokenX", "é" * 23):
        assert not gate.admits(given), given
    assert Gate(None).admits(None)


def test_without_a_token_only_this_machines_names_are_trusted() -> None:
    open_gate, closed_gate = Gate(None), Gate("t" * 20)
    for host in ("127.0.0.1:8000", "localhost:8000", "[::1]:8000", "LOCALHOST"):
        assert open_gate.trusts_host(host), host
    for host in ("evil.example:8000", "127.0.0.1.evil.example", None, "", "[::1"):
        assert not open_gate.trusts_host(host), host
        assert closed_gate.trusts_host(host), host  # the token is the check there


def test_only_our_own_page_may_open_a_websocket() -> None:
    assert Gate.same_origin("http://127.0.0.1:8000", "127.0.0.1:8000")
    assert Gate.same_origin(None, "127.0.0.1:8000")  # not a browser
    for origin in ("http://evil.example", "http://127.0.0.1:8001", "null", "http://[::1"):
        assert not Gate.same_origin(origin, "127.0.0.1:8000"), origin


def test_hostname_of_a_host_header() -> None:
    assert hostname_of("[::1]:8000") == "::1"
    assert hostname_of("Example.COM") == "example.com"
    assert hostname_of("127.0.0.1:notaport") == "127.0.0.1"
    assert hostname_of(None) is None


def test_the_page_address_carries_the_token_and_a_name_to_open() -> None:
    assert page_url("127.0.0.1", 8000, None) == "http://127.0.0.1:8000/"
    assert page_url("::1", 8000, None) == "http://[::1]:8000/"
    assert page_url("192.168.1.20", 9000, "tok") == "http://192.168.1.20:9000/?token=tok"
    assert "0.0.0.0" not in page_url("0.0.0.0", 8000, "tok")


@pytest.mark.parametrize("port", [-1, 65536])
def test_ports_out_of_range_are_refused(port: int) -> None:
    with pytest.raises(ValidationError, match="not a port number"):
        checked_port(port)


def test_at_least_one_session() -> None:
    assert checked_session_limit(1) == 1
    with pytest.raises(ValidationError, match="at least 1"):
        checked_session_limit(0)
