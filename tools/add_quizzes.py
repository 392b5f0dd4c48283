"""Add the "Check your understanding" quiz to the end of every chapter.

    .venv/bin/python tools/add_quizzes.py                  every chapter
    .venv/bin/python tools/add_quizzes.py book/04_gradient_descent.ipynb
    .venv/bin/python tools/add_quizzes.py --check          change nothing;
                                                           exit 1 if any
                                                           chapter lacks
                                                           its quiz

For chapter NN (book/NN_*.ipynb) with questions in
optim_lib/quizzes/chNN.py, the script

- merges `quiz, quizzes` into the chapter's `from optim_lib import ...`
  line in the first code cell (imports stay in the first cell), and
- puts two cells at the very end of the notebook: a markdown heading
  "Check your understanding" with one sentence on how to use it, and
  the code cell `quiz.quiz(quizzes.chNN.QUESTIONS)`, tagged
  `remove-input` so that the website shows the quiz without its code.

The two cells carry the metadata {"optim_lib": {"quiz": "chNN"}} and
fixed cell ids; a second run replaces them, so running the script again
changes nothing. The quiz goes after the exercises, at the very end,
because that is the one place common to every chapter: the heading
"Exercises" shares a cell with the summary or the first exercise in some
chapters, and the script never edits an author's markdown.

The new code cell has no stored output: afterwards run
`python3 tasks.py execute <notebooks>` so that nbval finds the outputs.
"""

import argparse
import re
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
BOOK = ROOT / "book"
QUIZZES = ROOT / "optim_lib" / "quizzes"
MARKER = "optim_lib"
IMPORT_NAMES = ("quiz", "quizzes")
HEADING = """## Check your understanding

A few questions on this chapter. On the website, think of your answer,
then open *Show the answer* under each question. In Jupyter, choose an
answer and press **Check**: you will see whether it is right, and why."""

_CHAPTER = re.compile(r"^(\d\d)_.+\.ipynb$")
_FROM_LIB = re.compile(r"^from optim_lib import ([\w, ]+)$")


def chapter_number(path: Path) -> str | None:
    """"04" for book/04_gradient_descent.ipynb; None for other files."""
    match = _CHAPTER.match(path.name)
    return match.group(1) if match else None


def has_questions(number: str, quizzes: Path = QUIZZES) -> bool:
    """Whether optim_lib/quizzes/chNN.py exists."""
    return (quizzes / f"ch{number}.py").exists()


def quiz_cells(number: str) -> list:
    """The heading cell and the quiz cell for chapter `number`."""
    meta = {MARKER: {"quiz": f"ch{number}"}}
    heading = nbformat.v4.new_markdown_cell(HEADING, metadata=dict(meta))
    heading.id = f"quiz-heading-ch{number}"
    # The website shows the quiz, not the line of code that makes it.
    code = nbformat.v4.new_code_cell(
        f"quiz.quiz(quizzes.ch{number}.QUESTIONS)",
        metadata={**meta, "tags": ["remove-input"]})
    code.id = f"quiz-ch{number}"
    return [heading, code]


def is_quiz_cell(cell) -> bool:
    """Whether the cell was put there by this script."""
    return "quiz" in cell.metadata.get(MARKER, {})


def add_import(source: str) -> str:
    """`source` with `quiz` and `quizzes` imported from optim_lib.

    Merges the names into a one-line `from optim_lib import ...` if the
    result fits in 79 columns; otherwise adds its own line after the
    last import from optim_lib (or after the last import at all).
    """
    lines = source.split("\n")
    for i, line in enumerate(lines):
        match = _FROM_LIB.match(line)
        if match:
            names = {name.strip() for name in match.group(1).split(",")}
            if set(IMPORT_NAMES) <= names:
                return source
            merged = ("from optim_lib import "
                      + ", ".join(sorted(names | set(IMPORT_NAMES))))
            if len(merged) <= 79:
                lines[i] = merged
                return "\n".join(lines)
    if any(f"import {', '.join(IMPORT_NAMES)}" in line for line in lines):
        return source
    lines.insert(_after_imports(lines),
                 "from optim_lib import " + ", ".join(IMPORT_NAMES))
    return "\n".join(lines)


def _after_imports(lines: list[str]) -> int:
    """Index just after the last optim_lib import, else any import."""
    def last(prefixes: tuple[str, ...]) -> int | None:
        found = None
        for i, line in enumerate(lines):
            if line.startswith(prefixes):
                found = i
                while "(" in lines[found] and ")" not in lines[found]:
                    found += 1  # a parenthesised import goes on
        return found

    index = last(("from optim_lib",))
    if index is None:
        index = last(("import ", "from "))
    return 0 if index is None else index + 1


def add_quiz(nb, number: str):
    """Return nb with the quiz (re)placed at the end and the import."""
    nb.cells = [cell for cell in nb.cells if not is_quiz_cell(cell)]
    first = next((cell for cell in nb.cells if cell.cell_type == "code"),
                 None)
    if first is None:
        raise ValueError("the notebook has no code cell for the imports")
    first.source = add_import(first.source)
    nb.cells.extend(quiz_cells(number))
    return nb


def up_to_date(nb, number: str) -> bool:
    """Whether the notebook already ends with this chapter's quiz."""
    current = [cell for cell in nb.cells if is_quiz_cell(cell)]
    wanted = quiz_cells(number)
    first = next((c for c in nb.cells if c.cell_type == "code"), None)
    return (len(current) == 2 and nb.cells[-2:] == current
            and [(c.source, c.metadata) for c in current]
            == [(c.source, c.metadata) for c in wanted]
            and first is not None
            and add_import(first.source) == first.source)


def chapters(paths: list[str]) -> list[Path]:
    """The chapter notebooks to treat: the given ones, or all in book/."""
    if paths:
        found = [Path(p) for p in paths]
    else:
        found = sorted(BOOK.glob("[0-9][0-9]_*.ipynb"))
    for path in found:
        if chapter_number(path) is None:
            raise SystemExit(f"{path} is not a chapter (NN_name.ipynb)")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("notebooks", nargs="*",
                        help="chapter notebooks (default: all in book/)")
    parser.add_argument("--check", action="store_true",
                        help="report chapters without their quiz; "
                             "change nothing")
    args = parser.parse_args(argv)

    missing = []
    for path in chapters(args.notebooks):
        number = chapter_number(path)
        if not has_questions(number):
            print(f"skip {path.name}: no optim_lib/quizzes/ch{number}.py")
            continue
        nb = nbformat.read(path, as_version=4)
        if up_to_date(nb, number):
            print(f"ok   {path.name}")
        elif args.check:
            missing.append(path.name)
            print(f"MISSING {path.name}")
        else:
            nbformat.write(add_quiz(nb, number), path)
            print(f"quiz {path.name}: run tasks.py execute on it")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
