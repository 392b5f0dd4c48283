"""What a checker tells the learner, and the comparisons it is built on."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

import numpy as np

PASSED = "All checks passed."
NOT_IMPLEMENTED = ("Not implemented yet: replace the `raise "
                   "NotImplementedError` line with your code, then run "
                   "this cell again.")


@dataclass(frozen=True)
class Feedback:
    """The verdict on a learner's code: passed, or the first problem."""

    passed: bool
    message: str

    def __repr__(self) -> str:
        mark = "\u2714" if self.passed else "\u2718"
        return f"{mark} {self.message}"


def first_difference(got, expected, *, rtol: float = 1e-6,
                     atol: float = 1e-9) -> str | None:
    """Describe where `got` first differs from `expected`, or None.

    Example:
        >>> first_difference([1.0, 2.0, 3.5], [1.0, 2.0, 3.0])
        'it differs at index 2: got 3.5, expected 3'
    """
    got = np.asarray(got, dtype=float)
    expected = np.asarray(expected, dtype=float)
    if got.shape != expected.shape:
        return f"its shape is {got.shape}, expected {expected.shape}"

    close = np.isclose(got, expected, rtol=rtol, atol=atol)
    if close.all():
        return None
    index = tuple(int(i) for i in np.unravel_index(np.argmin(close),
                                                   close.shape))
    where = index[0] if len(index) == 1 else index
    return (f"it differs at index {where}: got {got[index]:.6g}, "
            f"expected {expected[index]:.6g}")


def run_checks(checks: Iterable[Callable[[], str | None]]) -> Feedback:
    """Run checks in order; report the first that returns a message.

    Each check calls the learner's code and returns None when it agrees
    with the reference, or a sentence saying what is wrong. A learner's
    stub that raises NotImplementedError, or code that crashes, is
    reported as such instead of as a traceback.
    """
    for check in checks:
        try:
            problem = check()
        except NotImplementedError:
            return Feedback(False, NOT_IMPLEMENTED)
        except Exception as error:  # the learner's code may raise anything
            name = type(error).__name__
            return Feedback(False, f"Your code raised {name}: {error}")
        if problem is not None:
            return Feedback(False, problem)
    return Feedback(True, PASSED)
