"""Tests for tools/student_notebooks.py: solutions out, exercises in."""

import importlib.util
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from optim_lib.exercises.feedback import NOT_IMPLEMENTED

ROOT = Path(__file__).resolve().parent.parent
CHAPTERS = sorted((ROOT / "book").glob("[0-9][0-9]_*.ipynb"))
LABEL = re.compile(r"^:label:\s*(\S+)", re.MULTILINE)


def load_tool():
    spec = importlib.util.spec_from_file_location(
        "student_notebooks", ROOT / "tools" / "student_notebooks.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


tool = load_tool()

EXERCISES = """## Exercises

```{exercise} Write it
:label: ex-test-1

Write `double(x)`.
```

````{solution} ex-test-1
:class: dropdown

```python
def double(x):
    return 2 * x
```
````"""

MORE = """```{exercise} Think
:label: ex-test-2

Why?
```

```{solution} ex-test-2
:class: dropdown

Because.
```

:::{exercise} Colon fenced
:label: ex-test-3
Again?
:::

:::{solution} ex-test-3
Yes.
:::

```{solution-start} ex-test-2
```
A gated solution with code:
```python
print("secret")
```
```{solution-end}
```

The end."""

CHECKER = """from optim_lib.exercises.feedback import run_checks


def check_double(fn):
    return run_checks([lambda: None if fn(2) == 4 else "wrong"])
"""


def synthetic_notebook() -> nbformat.NotebookNode:
    """A small chapter: title, code with output, exercises, solutions."""
    cell = nbformat.v4.new_code_cell
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3",
                                 "display_name": "Python 3 (ipykernel)",
                                 "language": "python"}
    answer = cell('glue("answer", 4)  # the number in a solution',
                  metadata={"tags": ["remove-cell"]})
    shown = cell("print(1 + 1)")
    shown.outputs = [nbformat.v4.new_output("stream", text="2\n")]
    shown.execution_count = 1
    nb.cells = [
        nbformat.v4.new_markdown_cell("# A chapter\n\nIntro."),
        cell(CHECKER),
        shown,
        cell("glue = print  # a hidden helper before the exercises",
             metadata={"tags": ["remove-cell"]}),
        nbformat.v4.new_markdown_cell(EXERCISES),
        cell("def double(x):\n    raise NotImplementedError"),
        cell("check_double(double)"),
        answer,
        nbformat.v4.new_markdown_cell(MORE),
        nbformat.v4.new_markdown_cell(
            "````{solution} ex-test-1\n:class: dropdown\n\nAll of it.\n"
            "````"),
    ]
    return nb


def sources(nb) -> list[str]:
    return [cell.source for cell in nb.cells]


# The transformation ---------------------------------------------------

def test_no_solution_remains_and_every_exercise_does():
    student = tool.student_copy(synthetic_notebook())
    text = "\n".join(sources(student))
    assert "{solution" not in text
    assert "secret" not in text and "return 2 * x" not in text
    assert "Because." not in text and "Yes." not in text
    assert LABEL.findall(text) == ["ex-test-1", "ex-test-2", "ex-test-3"]
    assert "The end." in text


def test_stub_and_checker_stay_in_order():
    student = tool.student_copy(synthetic_notebook())
    stub = sources(student).index("def double(x):\n    raise "
                                  "NotImplementedError")
    assert sources(student)[stub + 1] == "check_double(double)"


def test_outputs_are_cleared():
    student = tool.student_copy(synthetic_notebook())
    for cell in student.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None


def test_solution_glue_cells_go_and_other_hidden_cells_stay():
    student = tool.student_copy(synthetic_notebook())
    assert not any("the number in a solution" in s for s in
                   sources(student))
    assert any("a hidden helper" in s for s in sources(student))


def test_a_markdown_cell_left_empty_is_dropped():
    student = tool.student_copy(synthetic_notebook())
    assert all(s.strip() for s in sources(student))
    # 10 cells - 1 solution cell - 1 glue cell + 1 note
    assert len(student.cells) == 9


def test_the_note_follows_the_title():
    student = tool.student_copy(synthetic_notebook())
    assert student.cells[0].source.startswith("# A chapter")
    assert student.cells[1].source == tool.NOTE


def test_the_original_is_not_changed():
    nb = synthetic_notebook()
    before = nbformat.writes(nb)
    tool.student_copy(nb)
    assert nbformat.writes(nb) == before


def test_strip_solutions_keeps_text_around_a_solution():
    text = ("Before.\n\n```{solution} ex-1\nHidden.\n```\n\n"
            "After.\n````{solution} ex-2\n```\ncode\n```\n````\nEnd.")
    assert tool.strip_solutions(text) == "Before.\n\nAfter.\nEnd."


def test_an_unclosed_solution_runs_to_the_end_of_the_cell():
    text = "Keep.\n````{solution} ex-1\nHidden."
    assert tool.strip_solutions(text) == "Keep."


def test_the_student_notebook_runs_and_the_checker_answers():
    student = tool.student_copy(synthetic_notebook())
    NotebookClient(student, timeout=60, kernel_name="python3").execute()
    stub = sources(student).index("def double(x):\n    raise "
                                  "NotImplementedError")
    output = student.cells[stub + 1].outputs[0]
    assert NOT_IMPLEMENTED in output["data"]["text/plain"]


# The command ----------------------------------------------------------

def test_the_command_writes_into_the_folder_given(tmp_path):
    book = tmp_path / "book"
    book.mkdir()
    nbformat.write(synthetic_notebook(), book / "04_test.ipynb")
    nbformat.write(synthetic_notebook(), book / "notes.ipynb")
    out = tmp_path / "out"
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "student_notebooks.py"),
         "--out", str(out), str(book / "04_test.ipynb")],
        capture_output=True, text=True, check=True)
    assert "04_test.ipynb" in result.stdout
    assert [p.name for p in out.iterdir()] == ["04_test.ipynb"]
    written = nbformat.read(out / "04_test.ipynb", as_version=4)
    nbformat.validate(written)
    assert "{solution" not in "\n".join(sources(written))


def test_chapter_paths_are_the_numbered_notebooks_only():
    names = [p.name for p in tool.chapter_paths()]
    assert names == sorted(names)
    assert all(re.match(r"\d\d_", name) for name in names)
    assert "conventions.ipynb" not in names


# The real chapters ----------------------------------------------------

def stub_indices(nb) -> list[int]:
    return [i for i, cell in enumerate(nb.cells)
            if cell.cell_type == "code"
            and "raise NotImplementedError" in cell.source]


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.stem)
def test_real_chapter_keeps_exercises_and_drops_solutions(path):
    original = nbformat.read(path, as_version=4)
    student = tool.student_copy(original)
    before = "\n".join(sources(original))
    after = "\n".join(sources(student))

    assert "{solution" not in after
    exercises = re.findall(r"\{exercise\}[^\n]*\n:label: (\S+)", before)
    assert exercises, "a chapter has exercises"
    for label in exercises:
        assert f":label: {label}" in after
    # every stub still has its checker right after it
    assert len(stub_indices(student)) == len(stub_indices(original))
    for i, j in zip(stub_indices(original), stub_indices(student)):
        assert student.cells[j].source == original.cells[i].source
        assert student.cells[j + 1].source == original.cells[i + 1].source
    assert all(not c.get("outputs") for c in student.cells)
    nbformat.validate(student)


@pytest.fixture(scope="module")
def checker_outputs() -> dict[str, list[str]]:
    """Run, in one kernel, each chapter's first cell, stubs and checkers.

    Returns the text each checker cell showed, by chapter file name; an
    error in a cell shows as its traceback's last line.
    """
    cells, owners = [], []
    for path in CHAPTERS:
        student = tool.student_copy(nbformat.read(path, as_version=4))
        first = next(c for c in student.cells if c.cell_type == "code")
        cells.append(nbformat.v4.new_code_cell(first.source))
        owners.append(None)
        for i in stub_indices(student):
            for j in (i, i + 1):
                cells.append(nbformat.v4.new_code_cell(
                    student.cells[j].source))
                owners.append(path.name if j == i + 1 else None)
    mini = nbformat.v4.new_notebook(cells=cells)
    mini.metadata["kernelspec"] = {"name": "python3",
                                   "display_name": "Python 3",
                                   "language": "python"}
    NotebookClient(mini, timeout=300, kernel_name="python3",
                   allow_errors=True,
                   resources={"metadata": {"path": str(ROOT / "book")}}
                   ).execute()
    shown: dict[str, list[str]] = {}
    for cell, owner in zip(mini.cells, owners):
        errors = [o for o in cell.outputs if o.output_type == "error"]
        assert not errors, f"{owner or 'a first cell'}: {errors[0].evalue}"
        if owner:
            shown.setdefault(owner, []).append("".join(
                o.get("data", {}).get("text/plain", "") + o.get("text", "")
                for o in cell.outputs))
    return shown


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.stem)
def test_real_chapter_checkers_answer_not_implemented_yet(
        path, checker_outputs):
    """Each stub, run with its chapter's imports, fails its checker
    politely: the learner sees "Not implemented yet", not a traceback."""
    original = nbformat.read(path, as_version=4)
    expected = len(stub_indices(original))
    assert len(checker_outputs.get(path.name, [])) == expected
    for shown in checker_outputs.get(path.name, []):
        assert "Not implemented yet" in shown
