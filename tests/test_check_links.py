"""The maintainers' link checker (scripts/check_links.py), against a server on loopback only:
the real run needs the internet and is done by hand before a release."""

from __future__ import annotations

import importlib.util
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import ModuleType

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "check_links.py"


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("check_links", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while being defined
    spec.loader.exec_module(module)
    return module


check_links = _load()


class _Pages(BaseHTTPRequestHandler):
    def do_HEAD(self) -> None:
        # Like some real sites: HEAD is not allowed, GET works.
        self.send_response(405 if self.path == "/no-head" else self._status())
        self.end_headers()

    def do_GET(self) -> None:
        self.send_response(self._status())
        self.end_headers()

    def _status(self) -> int:
        return {"/ok": 200, "/no-head": 200, "/gone": 404, "/robots-go-away": 403}[self.path]

    def log_message(self, *_args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Pages)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()


def test_every_link_of_the_shipped_content_is_collected_with_where_it_is_used() -> None:
    links = check_links.collect()
    assert len(links) > 100
    mls = "https://aws.amazon.com/certification/certified-machine-learning-specialty/"
    assert links[mls] == ['certificates.toml "aws-ml-specialty" url']
    assert any("see_also" in where for places in links.values() for where in places)


def test_working_broken_and_refused_pages_are_told_apart(server: str) -> None:
    assert check_links.check(f"{server}/ok", 5).problem == ""
    assert check_links.check(f"{server}/no-head", 5).problem == ""
    assert check_links.check(f"{server}/gone", 5).problem == "HTTP 404"
    refused = check_links.check(f"{server}/robots-go-away", 5)
    assert refused.refused and refused.problem == "HTTP 403"


def test_the_report_lists_broken_links_and_fails(server: str, tmp_path: Path, capsys) -> None:
    (tmp_path / "certificates.toml").write_text(
        f'[[certificates]]\nkey = "x"\nurl = "{server}/gone"\nsource = "{server}/ok"\n',
        encoding="utf-8",
    )
    assert check_links.main(["--root", str(tmp_path), "--timeout", "5"]) == 1
    out = capsys.readouterr().out
    assert f"HTTP 404  {server}/gone" in out
    assert 'used in certificates.toml "x" url' in out
    assert "2 links checked, 1 broken" in out


def test_the_helsinki_mooc_link_is_the_current_edition() -> None:
    links = check_links.collect()
    assert "https://programming-26.mooc.fi/" in links
    assert not any("programming-24" in url or "programming-25" in url for url in links)
