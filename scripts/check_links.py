"""Check every link of the built-in content online and print the broken ones.

A maintainer's tool, run by hand before a release: it needs the network, so CI does not run it.

    python scripts/check_links.py [--timeout 20] [--workers 8]

Prints one line per broken link with where it is used, and exits 1 if any is broken. Pages that
refuse automated requests (HTTP 401, 403, 429) are listed separately as "check by hand": they are
usually fine in a browser.
"""

from __future__ import annotations

import argparse
import sys
import tomllib
import urllib.error
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ASSETS = Path(__file__).resolve().parents[1] / "assets"
USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) studytui-link-check"
# Status codes that mean "a robot is not welcome here" rather than "this page is gone".
REFUSED = {401, 403, 429}


@dataclass(frozen=True)
class Result:
    url: str
    problem: str  # "" when the link works
    refused: bool = False


def links_in(data: Any, where: str) -> Iterator[tuple[str, str]]:
    """Every http(s) string value in a parsed TOML document, with a readable location."""
    if isinstance(data, dict):
        label = data.get("key") or data.get("title")
        here = f'{where} "{label}"' if isinstance(label, str) else where
        for name, value in data.items():
            values = value if isinstance(value, list) else [value]
            for item in values:
                if isinstance(item, str) and item.startswith(("http://", "https://")):
                    yield item, f"{here} {name}"
                elif isinstance(item, dict | list):
                    yield from links_in(item, here)
    elif isinstance(data, list):
        for item in data:
            yield from links_in(item, where)


def collect(root: Path = ASSETS) -> dict[str, list[str]]:
    """URL -> the files and records that use it, for every TOML file under `root`."""
    found: dict[str, list[str]] = {}
    for path in sorted(root.rglob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        name = path.relative_to(root).as_posix()
        for url, where in links_in(data, name):
            found.setdefault(url, []).append(where)
    return found


def check(url: str, timeout: float) -> Result:
    """HEAD first (cheap), then GET for servers that do not answer HEAD properly."""
    last = ""
    for method in ("HEAD", "GET"):
        request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                if response.status < 400:
                    return Result(url, "")
                last = f"HTTP {response.status}"
        except urllib.error.HTTPError as exc:
            last = f"HTTP {exc.code}"
            if exc.code in REFUSED and method == "GET":
                return Result(url, last, refused=True)
        except (urllib.error.URLError, TimeoutError, OSError, ValueError) as exc:
            reason = getattr(exc, "reason", exc)
            last = f"{type(exc).__name__}: {reason}"
    return Result(url, last)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--timeout", type=float, default=20.0, help="seconds per request")
    parser.add_argument("--workers", type=int, default=8, help="requests at once")
    parser.add_argument("--root", type=Path, default=ASSETS, help="folder of content files")
    args = parser.parse_args(argv)

    links = collect(args.root)
    with ThreadPoolExecutor(max_workers=args.workers) as pool:
        results = list(pool.map(lambda url: check(url, args.timeout), links))
    broken = [r for r in results if r.problem and not r.refused]
    refused = [r for r in results if r.refused]
    for title, group in (("Broken", broken), ("Check by hand (refused a robot)", refused)):
        if not group:
            continue
        print(f"{title}: {len(group)}")
        for result in group:
            print(f"  {result.problem}  {result.url}")
            for where in links[result.url]:
                print(f"      used in {where}")
    print(f"{len(links)} links checked, {len(broken)} broken, {len(refused)} to check by hand.")
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
