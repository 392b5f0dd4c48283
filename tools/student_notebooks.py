"""Write student copies of the chapters: exercises kept, solutions removed.

    python3 tasks.py students               writes students/NN_*.ipynb
    python3 tasks.py students --out DIR     writes them into DIR

For teachers. Each chapter notebook in book/ is copied with

- every sphinx-exercise solution removed: the ```{solution} (or
  ````{solution}, :::{solution}) blocks and the gated
  {solution-start} ... {solution-end} pairs, from the markdown; a
  markdown cell left empty is dropped;
- the hidden cells after the first exercise that only compute numbers
  quoted in solutions (tagged `remove-cell`, calling `glue`) removed,
  since their code gives the answers away;
- every output and execution count cleared, so that the learner runs
  the notebook from the top;
- a short note after the title saying what this copy is.

The exercises stay, with the code cells the learner fills in (stubs that
raise NotImplementedError) and the checker cells after them, which
answer "Not implemented yet" until the stub is filled. The quiz at the
end stays as it is: it reveals its answers on request by design.
"""

import argparse
import re
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
BOOK = ROOT / "book"
DEFAULT_OUT = ROOT / "students"
NOTE = ("> **Student copy.** The solutions of the exercises are removed "
        "and no outputs are stored: run the cells from the top. Fill in "
        "each exercise cell that raises `NotImplementedError`, then run "
        "the checker cell below it.")
NOTE_MARKER = {"optim_lib": {"student_note": True}}

_OPEN = re.compile(r"^(\s*)(`{3,}|:{3,})\{(solution|solution-start)\}")
_GATE_END = re.compile(r"^(\s*)(`{3,}|:{3,})\{solution-end\}")
_GLUE = re.compile(r"\bglue(_number)?\(")


def _block_end(lines: list[str], start: int, fence: str) -> int:
    """Index of the line closing the fenced block opened at `start`.

    The closing fence is the first later line made only of the same
    character, at least as long as the opening one (CommonMark's rule),
    so shorter fences for code inside the solution do not close it.
    """
    char, size = fence[0], len(fence)
    closing = re.compile(rf"^\s*{re.escape(char)}{{{size},}}\s*$")
    for index in range(start + 1, len(lines)):
        if closing.match(lines[index]):
            return index
    return len(lines) - 1  # unclosed: the block runs to the end


def strip_solutions(markdown: str) -> str:
    """The markdown without its solution directives.

    Example:
        >>> text = "Try it.\\n\\n````{solution} ex-1\\n```python\\nx = 1\\n"
        >>> text += "```\\n````\\n\\nMore."
        >>> strip_solutions(text)
        'Try it.\\n\\nMore.'
    """
    lines = markdown.split("\n")
    kept, index = [], 0
    while index < len(lines):
        opened = _OPEN.match(lines[index])
        if not opened:
            kept.append(lines[index])
            index += 1
            continue
        end = _block_end(lines, index, opened.group(2))
        if opened.group(3) == "solution-start":
            end = _gated_end(lines, end)
        index = end + 1
    text = "\n".join(kept)
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n")


def _gated_end(lines: list[str], after: int) -> int:
    """Last line of the {solution-end} block that follows `after`."""
    for index in range(after + 1, len(lines)):
        closing = _GATE_END.match(lines[index])
        if closing:
            return _block_end(lines, index, closing.group(2))
    return len(lines) - 1


def has_solution(markdown: str) -> bool:
    """Whether a markdown text holds a solution directive."""
    return any(_OPEN.match(line) for line in markdown.split("\n"))


def _first_exercise(cells: list) -> int:
    """Index of the first cell with an {exercise} directive, or len."""
    for index, cell in enumerate(cells):
        if cell.cell_type == "markdown" and "{exercise" in cell.source:
            return index
    return len(cells)


def _solution_values(cell, index: int, first_exercise: int) -> bool:
    """A hidden cell after the exercises that glues solution numbers."""
    return (cell.cell_type == "code" and index > first_exercise
            and "remove-cell" in cell.metadata.get("tags", [])
            and bool(_GLUE.search(cell.source)))


def student_copy(nb):
    """Return a student copy of a chapter notebook (a new object)."""
    nb = nbformat.from_dict(nb)  # deep copy
    first_exercise = _first_exercise(nb.cells)
    cells = []
    for index, cell in enumerate(nb.cells):
        if _solution_values(cell, index, first_exercise):
            continue
        if cell.cell_type == "markdown" and has_solution(cell.source):
            cell.source = strip_solutions(cell.source)
            if not cell.source.strip():
                continue
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
            cell.metadata.pop("execution", None)
        cells.append(cell)
    nb.cells = cells
    _add_note(nb)
    nb.metadata.pop("widgets", None)
    return nb


def _add_note(nb) -> None:
    """Put the student note after the first cell (the title)."""
    note = nbformat.v4.new_markdown_cell(NOTE, metadata=NOTE_MARKER)
    note.id = "student-note"
    nb.cells.insert(1 if nb.cells else 0, note)


def chapter_paths(book: Path = BOOK) -> list[Path]:
    """The chapter notebooks, book/NN_*.ipynb, in order."""
    return sorted(book.glob("[0-9][0-9]_*.ipynb"))


def write_students(out: Path, paths: list[Path] | None = None
                   ) -> list[Path]:
    """Write a student copy of each chapter into `out`; return the paths."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for path in chapter_paths() if paths is None else paths:
        nb = nbformat.read(path, as_version=4)
        target = out / path.name
        nbformat.write(student_copy(nb), target)
        written.append(target)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT,
                        help="folder for the copies (default: students/)")
    parser.add_argument("notebooks", nargs="*", type=Path,
                        help="chapter notebooks (default: all in book/)")
    args = parser.parse_args(argv)
    written = write_students(args.out, args.notebooks or None)
    for path in written:
        print(f"wrote {path}")
    if not written:
        print("no chapter notebooks found in book/")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
