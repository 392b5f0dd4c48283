"""What the browser tests of the website need besides the browser.

Finds the built site and its pages, serves it on 127.0.0.1, locates
Debian's chromium, reads ids and sizes from the built files. Kept apart
from `test_site.py` so that the tests there read as a list of checks.
"""

import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import yaml

ROOT = Path(__file__).resolve().parents[1]

# Another built copy of the book can be tested by pointing this variable
# at its `_build/html`; its `_toc.yml` is then read two folders up.
HTML_DIR = Path(os.environ.get("OPTIM_BOOK_HTML", ROOT / "_build" / "html"))
BOOK_ROOT = HTML_DIR.parent.parent

# Set by .ci/run: there a missing browser or build fails the tests.
REQUIRE_BROWSER = os.environ.get("OPTIM_BOOK_REQUIRE_BROWSER") == "1"

INSTALL_HINT = ("Debian's chromium was not found. Install it with "
                "`sudo apt-get install chromium` (no `playwright install` "
                "is needed), or set OPTIM_BOOK_CHROMIUM to its path.")
BUILD_HINT = (f"The built site {HTML_DIR} is missing: run "
              "`python3 tasks.py build` first.")

# Flags that keep chromium from reaching out to Google's services.
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

# Pages a reader reaches that the table of contents does not list.
EXTRA_PAGES = ["search", "genindex"]

# Shared by every page and downloaded once per visit to the site.
SHARED_PREFIXES = ("_static/mathjax/",)


def toc_docnames(toc_path: Path) -> list[str]:
    """The documents of a `_toc.yml`, root first, in reading order."""
    if not toc_path.exists():
        return []
    toc = yaml.safe_load(toc_path.read_text())
    names = [toc["root"]]

    def walk(node) -> None:
        if isinstance(node, dict):
            if "file" in node:
                names.append(node["file"])
            for key in ("parts", "chapters", "sections"):
                walk(node.get(key, []))
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(toc)
    return [str(Path(name).with_suffix("")) for name in names]


def site_pages() -> list[str]:
    """Every page to visit: the table of contents plus search and index."""
    return toc_docnames(BOOK_ROOT / "_toc.yml") + EXTRA_PAGES


def find_chromium() -> str | None:
    """Path of Debian's chromium, or None when it is not installed.

    OPTIM_BOOK_CHROMIUM, when set, names the browser to use (and only it).
    """
    chosen = os.environ.get("OPTIM_BOOK_CHROMIUM")
    candidates = [chosen] if chosen else [shutil.which("chromium"),
                                          "/usr/bin/chromium"]
    for candidate in candidates:
        if candidate and Path(candidate).is_file():
            return candidate
    return None


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files without logging every request to stderr."""

    def log_message(self, format, *args) -> None:  # noqa: A002
        pass


@contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve `directory` on 127.0.0.1 at a free port; yield its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


class _IdCollector(HTMLParser):
    """Collects every `id` (and `<a name>`) a page defines."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs) -> None:
        for key, value in attrs:
            if value and (key == "id" or (tag == "a" and key == "name")):
                self.ids.add(value)


@functools.cache
def page_ids(path: Path) -> frozenset[str]:
    """The anchors a built HTML file defines."""
    collector = _IdCollector()
    collector.feed(path.read_text(encoding="utf-8"))
    return frozenset(collector.ids)


def local_file(url: str, base_url: str) -> Path | None:
    """The built file a URL of the local server maps to, if it is one."""
    if not url.startswith(base_url):
        return None
    path = unquote(urlsplit(url).path).lstrip("/")
    target = HTML_DIR / path
    if target.is_dir():
        target = target / "index.html"
    return target


def is_shared(url: str, base_url: str) -> bool:
    """Whether a URL is one of the files every page shares (MathJax)."""
    path = unquote(urlsplit(url).path).lstrip("/")
    return url.startswith(base_url) and path.startswith(SHARED_PREFIXES)


def kind_of(path: Path) -> str:
    """Column of the page-size table a loaded file is counted in."""
    suffix = path.suffix.lower()
    if suffix in {".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".ico"}:
        return "images"
    if suffix in {".html"}:
        return "html"
    return "scripts, styles, fonts"


def size_table(rows: dict[str, dict[str, int]]) -> str:
    """A plain-text table of page sizes in kB, largest page first."""
    columns = ["html", "images", "scripts, styles, fonts"]
    widths = [max(len(column), 9) for column in columns]
    name_width = max(len(page) for page in rows) + 2
    header = f"{'page':<{name_width}}" + "".join(
        f"  {column:>{width}}" for column, width in zip(columns, widths))
    lines = [header + f"  {'total':>9}", "-" * (len(header) + 11)]
    ordered = sorted(rows.items(), key=lambda item: -sum(item[1].values()))
    for page, sizes in ordered:
        cells = "".join(f"  {sizes.get(column, 0) / 1e3:>{width - 3}.1f} kB"
                        for column, width in zip(columns, widths))
        total = sum(sizes.values()) / 1e3
        lines.append(f"{page:<{name_width}}{cells}  {total:>6.1f} kB")
    lines.append("kB = 1000 bytes. Not counted: the MathJax files under "
                 "_static/mathjax/, shared by every page.")
    return "\n".join(lines) + "\n"
