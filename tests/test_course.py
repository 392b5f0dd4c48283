"""The course pages: the time estimates, links and glossary terms.

book/course.md computes its table of chapter times when the book is
built. These tests run the same code cells outside the build, and check
that every {doc} link and {term} on the course pages has a target.
"""

import os
import re
from pathlib import Path

import nbformat
import numpy as np
import pytest

BOOK = Path(__file__).resolve().parent.parent / "book"
PAGES = ["course.md", "cheatsheet.md", "glossary.md"]
CODE_CELL = re.compile(r"^```\{code-cell\}[^\n]*\n(.*?)^```$",
                       re.DOTALL | re.MULTILINE)
OPTIONS = re.compile(r"\A(---\n.*?\n---\n|(:\w+:[^\n]*\n)+)", re.DOTALL)


def code_cells(page: str) -> list[str]:
    """The source of each code cell of a MyST notebook, options cut."""
    text = (BOOK / page).read_text(encoding="utf-8")
    return [OPTIONS.sub("", body) for body in CODE_CELL.findall(text)]


@pytest.fixture(scope="module")
def course() -> dict:
    """The namespace left by running course.md's cells in book/."""
    namespace: dict = {}
    here = Path.cwd()

    # The page sets numpy's print options for its reader; keep them from
    # leaking into the tests that run after this one in the same process.
    with np.printoptions():
        try:
            os.chdir(BOOK)
            for source in code_cells("course.md"):
                exec(compile(source, "course.md", "exec"), namespace)
        finally:
            os.chdir(here)
    return namespace


def chapters() -> list[Path]:
    return sorted(BOOK.glob("[0-9][0-9]_*.ipynb"))


def test_the_table_has_one_row_per_chapter(course):
    assert len(course["rows"]) == len(chapters())
    for row, path in zip(course["rows"], chapters()):
        assert row.startswith(f"| {path.stem[:2]} | ")


@pytest.mark.parametrize("path", chapters(), ids=lambda p: p.stem)
def test_estimates_are_plausible(course, path):
    title, reading, practice = course["chapter_minutes"](path)
    assert title and not title.startswith("#")
    assert 15 <= reading <= 240, reading
    # three exercises at least, one of them coding, and the quiz
    assert practice >= 2 * course["EX_MIN"] + course["CODE_EX_MIN"]


@pytest.mark.parametrize("path", chapters(), ids=lambda p: p.stem)
def test_solutions_are_not_counted_as_reading(course, path):
    cells = nbformat.read(path, as_version=4).cells
    for cell in cells:
        if cell.cell_type == "markdown":
            assert "{solution}" not in course["SOLUTION"].sub(
                "", cell.source)


@pytest.mark.parametrize("minutes, text", [
    (0.2, "5 min"), (5, "5 min"), (59.9, "1 h 00 min"),
    (61, "1 h 05 min"), (125, "2 h 05 min")])
def test_rounding_goes_up_to_five_minutes(course, minutes, text):
    assert course["rounded"](minutes) == text


@pytest.mark.parametrize("page", PAGES)
def test_doc_links_point_to_files(page):
    text = (BOOK / page).read_text(encoding="utf-8")
    for target in re.findall(r"\{doc\}`([^`]+)`", text):
        name = re.sub(r".*<(.+)>", r"\1", target)
        assert list(BOOK.glob(name + ".*")), f"{page}: {name}"


@pytest.mark.parametrize("page", PAGES)
def test_terms_are_in_the_glossary(page):
    glossary = (BOOK / "glossary.md").read_text(encoding="utf-8")
    body = glossary.split("```{glossary}", 1)[1]
    terms = {line.strip().lower() for line in body.splitlines()
             if line and not line.startswith((" ", "`"))}
    text = (BOOK / page).read_text(encoding="utf-8")
    for role in re.findall(r"\{term\}`([^`]+)`", text):
        term = re.sub(r".*<(.+)>", r"\1", role).strip().lower()
        assert term in terms, f"{page}: {role}"
