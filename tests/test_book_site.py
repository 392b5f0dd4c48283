"""The Sphinx fixes of book/_ext/book_site.py, without building the book."""

import sys
from pathlib import Path
from types import SimpleNamespace

from sphinx.builders.html._assets import _JavaScript

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "book" / "_ext"))
import book_site  # noqa: E402

FONT_AWESOME = ('<script defer src="../_static/scripts/fontawesome.js'
                '?digest=55c26ed414f5f8a31ebb"></script>')
CITATION = '<div class="citation" id="id1" role="doc-biblioentry">'


def test_tidy_scripts_keeps_each_script_once_in_order():
    thebe = "const THEBE_JS_URL = 'x'"
    scripts = [
        _JavaScript("_static/doctools.js"),
        _JavaScript(None, body=thebe),
        _JavaScript("_static/sphinx-thebe.js", **{"async": "async"}),
        _JavaScript("", body=thebe),  # the same script, stored with ""
    ]
    context = {"script_files": scripts}
    same_list = context["script_files"]

    book_site.tidy_scripts(None, "page", "page.html", context, None)

    assert context["script_files"] is same_list
    assert context["script_files"] == scripts[:3]


def test_tidy_scripts_drops_saved_widget_state():
    state = _JavaScript(None, type=book_site.WIDGET_STATE, body="{}")
    context = {"script_files": [_JavaScript("_static/doctools.js"), state]}

    book_site.tidy_scripts(None, "page", "page.html", context, None)

    assert state not in context["script_files"]
    assert len(context["script_files"]) == 1


def built_site(tmp_path: Path) -> tuple[SimpleNamespace, Path, Path]:
    """A fake Sphinx app whose output holds one page and one template."""
    page = tmp_path / "book" / "chapter.html"
    page.parent.mkdir()
    page.write_text(f"<head>\n  {FONT_AWESOME}\n</head>{CITATION}</div>")
    template = tmp_path / "_static" / "webpack-macros.html"
    template.parent.mkdir()
    template.write_text(FONT_AWESOME)
    app = SimpleNamespace(outdir=str(tmp_path),
                          builder=SimpleNamespace(format="html"))
    return app, page, template


def test_fix_built_pages_drops_font_awesome_and_fixes_roles(tmp_path):
    app, page, template = built_site(tmp_path)

    book_site.fix_built_pages(app, None)

    html = page.read_text()
    assert "fontawesome.js" not in html
    assert html == ('<head>\n</head><div class="citation" id="id1" '
                    'role="listitem"></div>')
    assert template.read_text() == FONT_AWESOME


def test_fix_built_pages_leaves_a_failed_build_alone(tmp_path):
    app, page, _ = built_site(tmp_path)
    before = page.read_text()

    book_site.fix_built_pages(app, RuntimeError("the build failed"))

    assert page.read_text() == before


def test_static_files_are_where_setup_serves_them_from():
    assert (book_site.STATIC / "book_site.css").is_file()
    assert (book_site.STATIC / "book_site.js").is_file()
