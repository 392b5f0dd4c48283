"""Run notebooks top to bottom and store the outputs the code makes now.

    python tools/execute_notebooks.py                 every chapter
    python tools/execute_notebooks.py book/ch04.ipynb one chapter

nbval compares the stored outputs with a fresh run, so a notebook must be
stored exactly as this script leaves it. Timing metadata and saved widget
state are dropped: both change on every run and neither is an output.
"""

import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]


def chapter_notebooks() -> list[Path]:
    """Every notebook of the book, in file-name order."""
    return sorted((ROOT / "book").glob("*.ipynb"))


def execute(path: Path) -> float:
    """Execute one notebook in its own folder; return the seconds taken."""
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(
        notebook, timeout=300, kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
        record_timing=False,
    )
    start = time.perf_counter()
    client.execute()
    seconds = time.perf_counter() - start

    for cell in notebook.cells:
        cell.metadata.pop("execution", None)
    notebook.metadata.pop("widgets", None)
    nbformat.write(notebook, path)
    return seconds


def main(args: list[str]) -> None:
    paths = [Path(arg).resolve() for arg in args] or chapter_notebooks()
    for path in paths:
        seconds = execute(path)
        print(f"{path}: {seconds:.1f} s", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
