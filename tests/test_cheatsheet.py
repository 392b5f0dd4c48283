"""The cheat sheet's numbers against the code: the page cannot drift.

book/cheatsheet.md quotes every optimizer's defaults and the number of
state arrays it keeps per parameter. These tests read both tables and
compare them with `optim_lib.optimizers` (and with torch.optim, where
torch is installed).
"""

import ast
import inspect
import re
from pathlib import Path

import numpy as np
import pytest

from optim_lib import optimizers

PAGE = Path(__file__).resolve().parent.parent / "book" / "cheatsheet.md"
CLASSES = {"SGD": optimizers.SGD, "AdaGrad": optimizers.AdaGrad,
           "RMSProp": optimizers.RMSProp, "Adam": optimizers.Adam,
           "AdamW": optimizers.AdamW}
SETTING = re.compile(r"`(\w+)=([^`]+)`")


def table(heading: str) -> list[list[str]]:
    """The rows of the first table under a `## heading`, as cells."""
    text = PAGE.read_text(encoding="utf-8")
    section = text.split(f"## {heading}\n", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("|")]
    cells = [[cell.strip() for cell in row.strip("|").split("|")]
             for row in rows]
    return [row for row in cells[2:]]  # skip the header and the rule


def code(cell: str) -> str:
    """The text inside the backquotes of a cell like "`SGD`"."""
    match = re.fullmatch(r"`([^`]+)`", cell)
    assert match, f"expected one `name` in {cell!r}"
    return match.group(1)


def page_defaults() -> dict[str, tuple[str, str, dict]]:
    """optimizer -> (optim_lib name, torch name, {argument: default})."""
    found = {}
    for name, ours, torchs, settings in table(
            "Hyperparameters and PyTorch's defaults"):
        values = {arg: ast.literal_eval(value)
                  for arg, value in SETTING.findall(settings)}
        found[name] = (code(ours), code(torchs), values)
    return found


def signature_defaults(cls, skip=("params",)) -> dict:
    return {name: p.default
            for name, p in inspect.signature(cls).parameters.items()
            if name not in skip}


def test_every_optimizer_is_on_the_page():
    assert sorted(v[0] for v in page_defaults().values()) == \
        sorted(CLASSES)


@pytest.mark.parametrize("name", sorted(CLASSES))
def test_defaults_match_optim_lib(name):
    by_class = {v[0]: v[2] for v in page_defaults().values()}
    assert by_class[name] == signature_defaults(CLASSES[name])


def test_defaults_match_torch_optim():
    torch = pytest.importorskip("torch")
    for ours, torchs, values in page_defaults().values():
        theirs = signature_defaults(getattr(torch.optim, torchs))
        for arg, value in values.items():
            assert theirs[arg] == value, (torchs, arg)


def count_arrays(state) -> int:
    """State fields holding arrays (the step count t is not one)."""
    return sum(isinstance(value, np.ndarray) for value in state)


def build(expression: str):
    """An optimizer from a page cell like `RMSProp(centered=True)`."""
    call = ast.parse(expression, mode="eval").body
    assert isinstance(call, ast.Call) and call.func.id in CLASSES
    kwargs = {kw.arg: ast.literal_eval(kw.value) for kw in call.keywords}
    return CLASSES[call.func.id](**kwargs)


def test_memory_table_matches_the_state_each_optimizer_keeps():
    rows = table("Memory")
    assert len(rows) >= len(CLASSES)
    for cells in rows:
        opt = build(code(cells[0]))
        state = opt.init(np.zeros(3))
        assert count_arrays(state) == int(cells[1]), cells[0]


def test_memory_table_covers_every_option_that_adds_state():
    listed = {code(cells[0]) for cells in table("Memory")}
    for needed in ("SGD(momentum=0.9)", "RMSProp(centered=True)",
                   "RMSProp(momentum=0.9)", "Adam(amsgrad=True)"):
        assert needed in listed


def test_defaults_are_written_as_python_literals():
    settings = [row[3] for row in table(
        "Hyperparameters and PyTorch's defaults")]
    for text in settings:
        # every comma-separated item is one `name=value`
        items = re.findall(r"`[^`]+`", text)
        assert len(items) == len(SETTING.findall(text)), text
