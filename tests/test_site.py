"""The built website, checked page by page in a real browser.

Readers meet the book as a website, often offline or with a screen
reader. These tests serve `_build/html` on 127.0.0.1, open every page of
the table of contents (plus search and the index) in Debian's chromium,
and check what a reader would notice: requests to other sites, console
errors, broken images, untypeset equations, players that do not play,
solutions shown too early, dead links and accessibility violations.

They need a build (`python3 tasks.py build`) and `apt-get install
chromium`. Without either they skip, saying so; with the environment
variable OPTIM_BOOK_REQUIRE_BROWSER=1 (set by .ci/run) they fail instead.
"""

import re
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from urllib.parse import unquote, urldefrag

import pytest

import site_support as site

pytestmark = pytest.mark.browser

PAGES = site.site_pages()

# Console errors that do not affect a reader: pattern -> reason.
HARMLESS_CONSOLE_ERRORS = {
    r"Failed to load resource: net::ERR_BLOCKED_BY_CLIENT":
        "a request to another site that these tests aborted on purpose; "
        "test_no_request_leaves_localhost reports it with its URL",
}

# Only these axe impacts fail a page; "moderate" and "minor" findings
# (such as the sidebar logo outside a landmark) are tolerated.
FAILING_IMPACTS = ("serious", "critical")


def unavailable(reason: str) -> None:
    """Skip, or fail where the browser tests are required (CI)."""
    if site.REQUIRE_BROWSER:
        pytest.fail(reason + " (OPTIM_BOOK_REQUIRE_BROWSER=1)")
    pytest.skip(reason)


@dataclass
class Visit:
    """One page open in the browser, with what it did while loading."""

    name: str
    url: str
    page: object
    base_url: str
    blocked: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    loaded: set[str] = field(default_factory=set)
    # Off while axe-core runs: its own stylesheet fetches are not the
    # page's (it resolves theme.css's @import against the wrong folder).
    recording: bool = True


# ---------------------------------------------------------------- fixtures

@pytest.fixture(scope="session")
def site_dir():
    """The built website; skips (or fails in CI) when it is missing."""
    if not (site.HTML_DIR / "index.html").exists():
        unavailable(site.BUILD_HINT)
    return site.HTML_DIR


@pytest.fixture(scope="session")
def base_url(site_dir):
    """URL of the site served on 127.0.0.1 for the whole session."""
    with site.serve(site_dir) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    """One headless chromium for every test of the session."""
    executable = site.find_chromium()
    if executable is None:
        unavailable(site.INSTALL_HINT)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=executable, args=site.CHROMIUM_FLAGS)
        yield browser
        browser.close()


def open_page(browser, base_url: str, name: str, query: str = "") -> Visit:
    """Open a page in a fresh context that lets no request leave 127.0.0.1."""
    url = f"{base_url}{name}.html{query}"
    context = browser.new_context(viewport={"width": 1280, "height": 900},
                                  service_workers="block")
    # Generous: a busy machine typesets a long chapter's math slowly.
    context.set_default_timeout(60_000)
    page = context.new_page()
    visit = Visit(name=name, url=url, page=page, base_url=base_url)

    def route(route) -> None:
        if route.request.url.startswith(base_url):
            route.continue_()
        else:
            visit.blocked.append(route.request.url)
            route.abort("blockedbyclient")

    def on_console(message) -> None:
        if message.type == "error" and visit.recording:
            where = message.location.get("url", "")
            visit.console_errors.append(f"{message.text} [{where}]")

    def on_page_error(error) -> None:
        visit.console_errors.append(f"uncaught {error.name}: "
                                    f"{error.message}")

    def on_response(response) -> None:
        if (visit.recording and response.url.startswith(base_url)
                and response.status >= 400):
            visit.failed.append(f"{response.status} {response.url}")

    def on_request(request) -> None:
        if visit.recording and request.url.startswith(base_url):
            visit.loaded.add(request.url)

    context.route("**/*", route)
    page.on("console", on_console)
    page.on("pageerror", on_page_error)
    page.on("response", on_response)
    page.on("request", on_request)

    page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")
    # MathJax typesets after loading; its startup promise says when done.
    page.evaluate("""async () => {
        if (window.MathJax && MathJax.startup && MathJax.startup.promise) {
            await MathJax.startup.promise;
        }
    }""")
    return visit


@pytest.fixture(scope="module", params=PAGES)
def visit(request, browser, base_url):
    """A page of the book, opened once for all the checks on it.

    Module scope makes pytest run every check of one page before it
    opens the next, so only one page is open at a time.
    """
    if not (site.HTML_DIR / f"{request.param}.html").exists():
        pytest.fail(f"{request.param} is in _toc.yml but was not built")
    visit = open_page(browser, base_url, request.param)
    yield visit
    visit.page.context.close()


@pytest.fixture(scope="session")
def page_sizes(site_dir):
    """Collects each page's size; writes the table when the session ends."""
    rows: dict[str, dict[str, int]] = {}
    yield rows
    if rows:
        report = site_dir.parent / "page_sizes.txt"
        report.write_text(site.size_table(rows))
        print(f"\nPage sizes written to {report}:\n{site.size_table(rows)}")


@pytest.fixture(scope="session")
def http_status():
    """Status of a local URL, fetched once per session."""
    cache: dict[str, int] = {}

    def status(url: str) -> int:
        if url not in cache:
            try:
                with urllib.request.urlopen(url, timeout=10) as response:
                    cache[url] = response.status
            except urllib.error.HTTPError as error:
                cache[url] = error.code
        return cache[url]

    return status


# ------------------------------------------------------ checks on each page
# They run in this order on each page; the interactive ones (solutions,
# players) come before the scans that should see the page as changed.

def test_images_load(visit):
    """Every image on the page has loaded and has a size."""
    broken = visit.page.evaluate("""async () => {
        const broken = [];
        for (const img of document.images) {
            img.loading = "eager";
            try { await img.decode(); } catch (error) {}
            if (!img.complete || img.naturalWidth === 0) {
                broken.push((img.currentSrc || img.src).slice(0, 120));
            }
        }
        return broken;
    }""")
    assert not broken, f"images that did not load: {broken}"


def test_images_have_alt_text(visit):
    """Every image says what it shows (a file name does not)."""
    images = visit.page.eval_on_selector_all(
        "img", """images => images.map(img => ({
            src: (img.getAttribute("src") || "").slice(0, 80),
            alt: img.getAttribute("alt"),
            hidden: img.closest('[aria-hidden="true"]') !== null
                    || img.getAttribute("role") === "presentation",
        }))""")
    file_name = re.compile(r"(^|/)[\w.-]+\.(png|jpe?g|svg|gif)$", re.I)
    missing = [image["src"] for image in images
               if not image["hidden"]
               and (not (image["alt"] or "").strip()
                    or file_name.search(image["alt"]))]
    assert not missing, f"images without a useful alt text: {missing}"


def test_equations_typeset(visit):
    """MathJax typeset every equation and no raw TeX is left in the text."""
    found = visit.page.evaluate(r"""() => {
        const math = [...document.querySelectorAll(".math")];
        const untypeset = math.filter(e => !e.querySelector("mjx-container"))
                              .map(e => e.textContent.trim().slice(0, 60));
        const errors = [...document.querySelectorAll("mjx-merror")]
                           .map(e => e.textContent.slice(0, 60));
        const code = "pre, code, script, style, textarea, mjx-container";
        const tex = /\\\(|\\\)|\\\[|\\\]|\$\$|\$[^$\s][^$]*\$/;
        const raw = [];
        const walker = document.createTreeWalker(document.body,
                                                 NodeFilter.SHOW_TEXT);
        while (walker.nextNode()) {
            const node = walker.currentNode;
            const parent = node.parentElement;
            if (parent && !parent.closest(code) && tex.test(node.data)) {
                raw.push(node.data.trim().slice(0, 80));
            }
        }
        return {untypeset, errors, raw};
    }""")
    assert not found["untypeset"], f"not typeset: {found['untypeset']}"
    assert not found["errors"], f"TeX errors: {found['errors']}"
    assert not found["raw"], f"raw TeX left in the text: {found['raw']}"


def test_internal_links_resolve(visit, http_status):
    """Every link within the site reaches a page, and its anchor exists."""
    hrefs = visit.page.eval_on_selector_all(
        "a[href], link[href]", "links => links.map(link => link.href)")
    problems = []
    for href in sorted(set(hrefs)):
        if not href.startswith(visit.base_url):
            continue
        url, fragment = urldefrag(href)
        status = http_status(url)
        if status != 200:
            problems.append(f"{href}: HTTP {status}")
            continue
        target = site.local_file(url, visit.base_url)
        if fragment and target.suffix == ".html":
            if unquote(fragment) not in site.page_ids(target):
                problems.append(f"{href}: no element with this id")
    assert not problems, "broken links:\n" + "\n".join(problems)


def test_solutions_hidden_until_clicked(visit):
    """Each exercise solution is hidden until its button is pressed."""
    solutions = visit.page.locator("div.solution")
    for index in range(solutions.count()):
        solution = solutions.nth(index)
        body = solution.locator(":scope > :not(.admonition-title)").first
        button = solution.locator("button.toggle-button")
        assert not body.is_visible(), f"solution {index + 1} is shown"
        assert button.get_attribute("aria-expanded") == "false"

        # The button, not the title: the title also holds a link back to
        # the exercise, and a click there follows the link.
        button.click()
        body.wait_for(state="visible", timeout=5000)
        assert button.get_attribute("aria-expanded") == "true"


def test_animation_players_play(visit):
    """Pressing play on every animation player changes its frame."""
    from playwright.sync_api import expect

    players = visit.page.locator("div.animation")
    for index in range(players.count()):
        player = players.nth(index)
        frame = player.locator("img")
        first = frame.get_attribute("src")
        assert first and first.startswith("data:image"), (
            f"player {index + 1} shows no frame")

        player.locator('button[aria-label="Play"]').click()
        expect(frame).not_to_have_attribute("src", first, timeout=5000)
        player.locator('button[aria-label="Pause"]').click()


def test_player_buttons_draw_their_symbols(visit):
    """Each player button shows its symbol, not a missing-glyph box.

    A symbol no installed font has is drawn as the font's "missing glyph"
    box; drawing it and a character no font has (U+10FFFD) on a canvas
    gives the same pixels. Debian's default fonts stand in for a reader's.
    """
    missing = visit.page.eval_on_selector_all("div.animation", r"""
        players => players.flatMap(player => {
            const canvas = document.createElement("canvas");
            canvas.width = canvas.height = 64;
            const context = canvas.getContext("2d");
            const draw = (text, font) => {
                context.clearRect(0, 0, 64, 64);
                context.font = font;
                context.fillText(text, 8, 40);
                return canvas.toDataURL();
            };
            const missing = [];
            for (const button of player.querySelectorAll("button")) {
                const label = button.getAttribute("aria-label");
                const font = getComputedStyle(button).font;
                const box = draw("\u{10FFFD}", font);
                const text = button.textContent.trim();
                if (!text && !button.querySelector("svg, img")) {
                    missing.push(`${label}: nothing drawn`);
                }
                for (const glyph of text) {
                    if (draw(glyph, font) === box) {
                        missing.push(`${label}: ${glyph}`);
                    }
                }
            }
            return missing;
        })""")
    assert not missing, f"player buttons drawn as empty boxes: {missing}"


def contrast_ratio(first: tuple, second: tuple) -> float:
    """WCAG 2 contrast ratio of two sRGB colours given as 0-255 triples."""
    def luminance(rgb: tuple) -> float:
        linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
                  for c in (v / 255 for v in rgb)]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


# axe's colour-contrast rule is slow on code: it measures thousands of
# highlighted tokens one by one. Code is left out of that rule and checked
# by test_code_colours_contrast, which compares the few colours it uses.
CODE = "div.highlight"
AXE_SCANS = {
    "light": ({"exclude": [[CODE]]}, {"resultTypes": ["violations"]}),
    "light, code": ({"include": [[CODE]]}, {
        "resultTypes": ["violations"],
        "rules": {"color-contrast": {"enabled": False}}}),
    "dark": ({"exclude": [[CODE]]}, {
        "resultTypes": ["violations"],
        "runOnly": {"type": "rule", "values": ["color-contrast"]}}),
}


def scheme_of(scan: str) -> str:
    """The colour scheme a scan of AXE_SCANS runs in."""
    return scan.split(",")[0]


def stop_transitions(page) -> None:
    """Make colours final the moment the colour scheme changes."""
    page.add_style_tag(content="*, *::before, *::after "
                       "{ transition: none !important; }")


def test_accessibility(visit):
    """axe-core finds no serious or critical violation, light or dark.

    The theme follows the reader's colour preference, so the page is
    scanned in both schemes: every rule in light, colour contrast (the
    only rule a colour scheme changes) in dark. Code blocks get every rule
    but colour contrast, which test_code_colours_contrast checks.
    """
    from axe_playwright_python.sync_playwright import Axe

    axe, lines = Axe(), []
    visit.recording = False
    stop_transitions(visit.page)
    try:
        for scan, (context, options) in AXE_SCANS.items():
            if "include" in context and not visit.page.query_selector(CODE):
                continue
            visit.page.emulate_media(color_scheme=scheme_of(scan))
            results = axe.run(visit.page, context=context, options=options)
            lines += [f"{v['id']} ({v['impact']}, {scan}): {v['help']}; "
                      f"{len(v['nodes'])} element(s), e.g. "
                      f"{v['nodes'][0]['target']}"
                      for v in results.response["violations"]
                      if v["impact"] in FAILING_IMPACTS]
    finally:
        visit.page.emulate_media(color_scheme="light")
        visit.recording = True
    assert not lines, "axe violations:\n" + "\n".join(lines)


def test_code_colours_contrast(visit):
    """Every colour of highlighted code reads on its background (4.5:1)."""
    failing = set()
    stop_transitions(visit.page)
    for scheme in ("light", "dark"):
        visit.page.emulate_media(color_scheme=scheme)
        pairs = visit.page.eval_on_selector_all(
            f"{CODE} pre, {CODE} pre *", r"""
            tokens => {
                const rgb = text => text.match(/[\d.]+/g).map(Number);
                const backdrop = element => {
                    for (let e = element; e; e = e.parentElement) {
                        const colour = rgb(getComputedStyle(e)
                                           .backgroundColor);
                        if (colour.length === 3 || colour[3] > 0) {
                            return colour.slice(0, 3);
                        }
                    }
                    return [255, 255, 255];
                };
                const seen = new Map();
                for (const token of tokens) {
                    if (!token.textContent.trim()) continue;
                    const pair = [rgb(getComputedStyle(token).color)
                                  .slice(0, 3), backdrop(token)];
                    seen.set(JSON.stringify(pair), pair);
                }
                return [...seen.values()];
            }""")
        failing |= {f"{scheme}: rgb{tuple(fg)} on rgb{tuple(bg)} "
                    f"({contrast_ratio(fg, bg):.2f}:1)"
                    for fg, bg in pairs if contrast_ratio(fg, bg) < 4.5}
    visit.page.emulate_media(color_scheme="light")
    assert not failing, "code colours below 4.5:1:\n" + "\n".join(
        sorted(failing))


def test_no_console_errors(visit):
    """The page logs no error, beyond the known harmless ones."""
    errors = [error for error in visit.console_errors
              if not any(re.search(pattern, error)
                         for pattern in HARMLESS_CONSOLE_ERRORS)]
    assert not errors, "console errors:\n" + "\n".join(errors)


def test_no_request_leaves_localhost(visit):
    """The page asks no other site for anything, and nothing local fails."""
    assert not visit.blocked, (
        "requests to other sites:\n" + "\n".join(visit.blocked))
    assert not visit.failed, (
        "failed local requests:\n" + "\n".join(visit.failed))


def test_page_size(visit, page_sizes):
    """A page and what it loads weigh under 3 MB (MathJax aside)."""
    sizes: dict[str, int] = {}
    for url in visit.loaded:
        if site.is_shared(url, visit.base_url):
            continue
        path = site.local_file(url.split("?")[0], visit.base_url)
        if path is not None and path.is_file():
            kind = site.kind_of(path)
            sizes[kind] = sizes.get(kind, 0) + path.stat().st_size
    page_sizes[visit.name] = sizes
    total = sum(sizes.values())
    assert total < 3e6, f"{visit.name} loads {total / 1e6:.2f} MB"


# ----------------------------------------------------- checks on the site

def test_search_finds_adam(browser, base_url):
    """Searching the book for "Adam" lists the pages that teach it."""
    from playwright.sync_api import expect

    visit = open_page(browser, base_url, "search", "?q=Adam")
    try:
        results = visit.page.locator("#search-results ul.search li")
        expect(results.first).to_be_visible(timeout=10000)
        assert results.count() >= 1
        assert not visit.blocked, f"search went online: {visit.blocked}"
    finally:
        visit.page.context.close()


TOC_PAGES = [name for name in PAGES if name not in site.EXTRA_PAGES]


@pytest.mark.parametrize("name", TOC_PAGES)
def test_page_offers_the_book_features(site_dir, name):
    """Logo, favicon, repository, download, copy and launch buttons."""
    html = (site_dir / f"{name}.html").read_text(encoding="utf-8")
    expected = {
        "favicon": r'<link rel="icon" href="[^"]+\.png"',
        "logo": r'<img src="[^"]+" class="logo__image',
        "repository button": r"btn-source-repository-button",
        "issues button": r"btn-source-issues-button",
        "download button": r"btn-download-source-button",
        "copy buttons on code": r"copybutton\.js",
        "search": r"search-button",
    }
    if (site.BOOK_ROOT / f"{name}.ipynb").exists():
        notebook = re.escape(f"/{name}.ipynb")
        expected["Binder button"] = (
            rf"https://mybinder\.org/v2/gh/\S+{notebook}")
        expected["Colab button"] = (
            rf"https://colab\.research\.google\.com/github/\S+{notebook}")
    if 'class="math' in html:
        expected["MathJax from the build"] = r"_static/mathjax/tex-chtml\.js"
    missing = [feature for feature, pattern in expected.items()
               if not re.search(pattern, html)]
    assert not missing, f"{name} lacks: {missing}"


@pytest.mark.parametrize("name", TOC_PAGES)
def test_no_dead_widget_views(site_dir, name):
    """No saved ipywidgets view or state reaches the page.

    Without a kernel it could only draw controls that do nothing: such
    cells are tagged remove-output, and an animation player stands in.
    """
    html = (site_dir / f"{name}.html").read_text(encoding="utf-8")
    for mime in ("widget-view+json", "widget-state+json"):
        assert f"application/vnd.jupyter.{mime}" not in html, (
            f"{name} carries a saved widget ({mime})")


def test_every_toc_page_was_built(site_dir):
    """Each page of _toc.yml has its HTML file in the build."""
    missing = [name for name in PAGES
               if not (site_dir / f"{name}.html").exists()]
    assert PAGES and not missing, f"pages not built: {missing}"
