"""Small Sphinx fixes that keep the book's website quiet, light, accessible.

Loaded from `_config.yml` (sphinx.local_extensions). On every page it

- keeps each inline script once: sphinx-thebe and sphinx-togglebutton add
  their inline configuration twice under Sphinx 7.4, and the second
  `const THEBE_JS_URL` is a JavaScript error on every page;
- drops the saved ipywidgets state: the website has no widget manager (it
  would come from a CDN), so the state could only ever draw dead controls;
- drops Font Awesome's JavaScript (1.5 MB, more than the rest of a page):
  the theme's stylesheet already draws the same icons with a 0.3 MB font;
- gives bibliography entries the role screen readers expect: docutils
  puts `role="doc-biblioentry"` items, a role DPUB-ARIA 1.1 deprecated,
  in a `role="list"`, which then has no items (axe-core:
  aria-required-children, critical); `listitem` is the role to use;
- adds `static/book_site.css`, the book's few corrections to the theme's
  styles, and `static/book_site.js`, which lets the keyboard scroll wide
  code in a solution once it is opened; each explains itself.
"""

import re
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx

STATIC = Path(__file__).resolve().parent / "static"
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
# Changes to the written pages: (pattern, replacement); see the docstring.
PAGE_FIXES = [
    (re.compile(r'\s*<script defer src="[^"]*_static/scripts/'
                r'fontawesome\.js[^"]*"></script>'), ""),
    (re.compile(r'role="doc-biblioentry"'), 'role="listitem"'),
]


def _script_key(script: Any) -> tuple:
    """What makes two script tags the same: source, body and attributes."""
    attributes = getattr(script, "attributes", {})
    # Sphinx stores a body-only script's filename as None or as "".
    filename = getattr(script, "filename", str(script)) or ""
    return filename, tuple(sorted(attributes.items()))


def tidy_scripts(app: Sphinx, pagename: str, templatename: str,
                 context: dict, doctree: Any) -> None:
    """Keep each script once, and none that holds saved widget state."""
    seen, kept = set(), []
    for script in context.get("script_files", []):
        key = _script_key(script)
        is_widget_state = getattr(script, "attributes", {}).get(
            "type") == WIDGET_STATE
        if key not in seen and not is_widget_state:
            kept.append(script)
        seen.add(key)
    # In place: the builder and later handlers hold the same list.
    context["script_files"][:] = kept


def fix_built_pages(app: Sphinx, exception: Exception | None) -> None:
    """Apply PAGE_FIXES to every page written.

    What they change comes from the theme's page template and from
    docutils' HTML writer, out of reach of `html-page-context`, so the
    written files are edited.
    """
    if exception is not None or app.builder.format != "html":
        return
    for page in Path(app.outdir).rglob("*.html"):
        if "_static" in page.relative_to(app.outdir).parts:
            continue
        html = fixed = page.read_text(encoding="utf-8")
        for pattern, replacement in PAGE_FIXES:
            fixed = pattern.sub(replacement, fixed)
        if fixed != html:
            page.write_text(fixed, encoding="utf-8")


def add_static_path(app: Sphinx) -> None:
    """Serve this extension's files with the theme's."""
    app.config.html_static_path.append(str(STATIC))


def setup(app: Sphinx) -> dict:
    app.connect("builder-inited", add_static_path)
    app.add_css_file("book_site.css")
    app.add_js_file("book_site.js", loading_method="defer")
    # A late priority, so that every other extension has added its scripts.
    app.connect("html-page-context", tidy_scripts, priority=900)
    app.connect("build-finished", fix_built_pages)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
