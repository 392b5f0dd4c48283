"""Tests for tools/add_quizzes.py, on copies of the chapters."""

import importlib.util
import shutil
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
CHAPTERS = sorted((ROOT / "book").glob("[0-9][0-9]_*.ipynb"))


def load_tool():
    spec = importlib.util.spec_from_file_location(
        "add_quizzes", ROOT / "tools" / "add_quizzes.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


tool = load_tool()


def small_notebook(first_cell: str) -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("# Title"),
                nbformat.v4.new_code_cell(first_cell),
                nbformat.v4.new_markdown_cell("## Exercises")]
    return nb


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.stem)
def test_quiz_goes_last_and_a_second_run_changes_nothing(path, tmp_path):
    copy = tmp_path / path.name
    shutil.copy(path, copy)
    number = tool.chapter_number(copy)
    if not tool.has_questions(number):
        pytest.skip(f"no questions for chapter {number} yet")

    assert tool.main([str(copy)]) == 0
    once = copy.read_text()
    nb = nbformat.read(copy, as_version=4)
    heading, code = nb.cells[-2:]
    assert heading.source.startswith("## Check your understanding")
    assert code.source == f"quiz.quiz(quizzes.ch{number}.QUESTIONS)"
    first = next(c for c in nb.cells if c.cell_type == "code")
    assert "quiz, quizzes" in first.source
    nbformat.validate(nb)

    # every other cell is untouched
    original = [c.source for c in nbformat.read(path, as_version=4).cells
                if not tool.is_quiz_cell(c)]
    now = [c.source for c in nb.cells[:-2]]
    i = nb.cells.index(first)
    assert len(now) == len(original)
    assert now[:i] + now[i + 1:] == original[:i] + original[i + 1:]

    assert tool.main([str(copy)]) == 0
    assert copy.read_text() == once
    assert tool.main(["--check", str(copy)]) == 0


def test_check_reports_a_chapter_without_its_quiz(tmp_path):
    copy = tmp_path / "04_gradient_descent.ipynb"
    nbformat.write(small_notebook("import numpy as np"), copy)
    assert tool.main(["--check", str(copy)]) == 1
    assert "Check your understanding" not in copy.read_text()


def test_old_quiz_cells_are_replaced_not_repeated(tmp_path):
    nb = small_notebook("from optim_lib import plots")
    tool.add_quiz(nb, "04")
    nb.cells[-1].source = "quiz.quiz(old_questions)"
    nb.cells.append(nbformat.v4.new_markdown_cell("An author's note"))
    tool.add_quiz(nb, "04")
    sources = [c.source for c in nb.cells]
    assert sources.count("quiz.quiz(quizzes.ch04.QUESTIONS)") == 1
    assert "quiz.quiz(old_questions)" not in sources
    assert sources[-3] == "An author's note"


@pytest.mark.parametrize("source, expected", [
    ("import numpy as np\n\nfrom optim_lib import plots, problems",
     "import numpy as np\n\nfrom optim_lib import plots, problems, quiz, "
     "quizzes"),
    ("import numpy as np",
     "import numpy as np\nfrom optim_lib import quiz, quizzes"),
    ("from optim_lib import quiz, quizzes\nx = 1",
     "from optim_lib import quiz, quizzes\nx = 1"),
    ("from optim_lib import (gradcheck, interact,\n    plots)\nimport os",
     "from optim_lib import (gradcheck, interact,\n    plots)\n"
     "from optim_lib import quiz, quizzes\nimport os"),
])
def test_add_import(source, expected):
    assert tool.add_import(source) == expected
    assert tool.add_import(expected) == expected


def test_add_import_keeps_lines_within_79_columns():
    long = ("from optim_lib import gradcheck, interact, optimizers, plots, "
            "problems, search")
    result = tool.add_import(long)
    assert result == long + "\nfrom optim_lib import quiz, quizzes"
    assert max(len(line) for line in result.split("\n")) <= 79


def test_cells_have_fixed_ids_and_the_marker():
    heading, code = tool.quiz_cells("07")
    assert (heading.id, code.id) == ("quiz-heading-ch07", "quiz-ch07")
    assert tool.is_quiz_cell(heading) and tool.is_quiz_cell(code)
    assert code.outputs == []
    assert code.metadata["tags"] == ["remove-input"]


def test_chapters_without_questions_are_skipped(tmp_path):
    copy = tmp_path / "99_future.ipynb"
    nbformat.write(small_notebook("import numpy as np"), copy)
    assert tool.main([str(copy)]) == 0
    assert "Check your understanding" not in copy.read_text()


def test_a_file_that_is_not_a_chapter_is_refused(tmp_path):
    other = tmp_path / "notation.ipynb"
    nbformat.write(small_notebook(""), other)
    with pytest.raises(SystemExit):
        tool.main([str(other)])


def test_every_chapter_has_questions():
    missing = [p.name for p in CHAPTERS
               if not tool.has_questions(tool.chapter_number(p))]
    assert not missing, (f"write optim_lib/quizzes/chNN.py (and list it "
                         f"in quizzes/__init__.py) for {missing}")


def test_every_chapter_ends_with_its_quiz_once_they_are_added():
    """Skipped until tools/add_quizzes.py has run on the chapters."""
    done = {p.name: tool.up_to_date(nbformat.read(p, as_version=4),
                                    tool.chapter_number(p))
            for p in CHAPTERS}
    if not any(done.values()):
        pytest.skip("tools/add_quizzes.py has not been run on book/ yet")
    missing = [name for name, ok in done.items() if not ok]
    assert not missing, f"run tools/add_quizzes.py on {missing}"
