"""Set up, build and test the book with nothing but Python and pip.

    python3 tasks.py build      execute every chapter, build _build/html
    python3 tasks.py test       run the whole test suite (pytest + nbval)
    python3 tasks.py execute    re-run notebooks in place, storing outputs
    python3 tasks.py students   write student copies of the chapters
                                (solutions removed) into students/
    python3 tasks.py lab        open the chapters in JupyterLab

Every command first makes sure the virtual environment `.venv` exists and
holds exactly what `requirements.txt` pins. Running a command again is
harmless: the environment is reinstalled only when the pins change.
"""

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
LAB_VENV = ROOT / ".venv-lab"


def venv_bin(name: str, venv_dir: Path = VENV) -> Path:
    """Path of an executable inside a virtual environment."""
    folder = "Scripts" if os.name == "nt" else "bin"
    return venv_dir / folder / name


def pins_digest(*names: str) -> str:
    """Hash of the files that decide what an environment holds."""
    digest = hashlib.sha256()
    for name in names:
        digest.update((ROOT / name).read_bytes())
    return digest.hexdigest()


def run(*command, **kwargs) -> None:
    """Run a command from the repository root; stop on failure."""
    print("+", " ".join(str(part) for part in command), flush=True)
    result = subprocess.run([str(part) for part in command], cwd=ROOT,
                            **kwargs)
    if result.returncode != 0:
        sys.exit(result.returncode)


def ensure_environment(venv_dir: Path = VENV,
                       requirements: str = "requirements.txt") -> Path:
    """Create a virtual environment holding the pins of `requirements`.

    Nothing is installed when the pins have not changed since last time.
    """
    if sys.version_info < (3, 11):
        sys.exit("The book needs Python 3.11 or newer.")

    python = venv_bin("python", venv_dir)
    if not python.exists():
        print(f"Creating the virtual environment in {venv_dir}", flush=True)
        venv.EnvBuilder(with_pip=True, clear=True).create(venv_dir)

    stamp = venv_dir / "requirements.sha256"
    digest = pins_digest(requirements, "pyproject.toml")
    if not stamp.exists() or stamp.read_text() != digest:
        run(python, "-m", "pip", "install", "--upgrade", "pip")
        run(python, "-m", "pip", "install", "-r", requirements)
        stamp.write_text(digest)
    return python


def build(_args: list[str]) -> None:
    """Execute every chapter afresh and build the website."""
    ensure_environment()
    run(venv_bin("jupyter-book"), "build", ".", "--all",
        "-W", "-n", "--keep-going")
    index = ROOT / "_build" / "html" / "index.html"
    print(f"\nThe book is built. Open {index.as_uri()} in a browser.")


def test(args: list[str]) -> None:
    """Run the unit tests and compare every notebook with nbval."""
    python = ensure_environment()
    run(python, "-m", "pytest", *args)


def execute(args: list[str]) -> None:
    """Re-run notebooks top to bottom and store the outputs they make."""
    python = ensure_environment()
    run(python, ROOT / "tools" / "execute_notebooks.py", *args)


def students(args: list[str]) -> None:
    """Write the chapters without solutions, for learners (--out DIR)."""
    python = ensure_environment()
    run(python, ROOT / "tools" / "student_notebooks.py", *args)


def lab(args: list[str]) -> None:
    """Open the chapters in JupyterLab, with working widgets.

    JupyterLab runs from its own environment; the kernel it starts for
    the chapters ("python3") is the book's `.venv`, where optim_lib is.
    """
    python = ensure_environment()
    ensure_environment(LAB_VENV, "requirements-lab.txt")
    run(python, "-m", "ipykernel", "install", "--prefix", LAB_VENV,
        "--name", "python3", "--display-name", "Python 3 (ipykernel)")
    run(venv_bin("jupyter", LAB_VENV), "lab", "book", *args)


COMMANDS = {"build": build, "test": test, "execute": execute, "lab": lab,
            "students": students}


def main() -> None:
    if len(sys.argv) < 2 or sys.argv[1] not in COMMANDS:
        sys.exit(__doc__)
    COMMANDS[sys.argv[1]](sys.argv[2:])


if __name__ == "__main__":
    main()
