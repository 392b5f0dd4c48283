"""What a checker tells the learner, and the calls and comparisons it uses."""

import copy
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

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


class WrongReturn(Exception):
    """The learner's function did not return the tuple a checker expects.

    Its message is written for the learner; `run_checks` reports it as the
    verdict, so a check can let it propagate.
    """


def run_checks(checks: Iterable[Callable[[], str | None]]) -> Feedback:
    """Run checks in order; report the first that returns a message.

    Each check calls the learner's code and returns None when it agrees
    with the reference, or a sentence saying what is wrong. A learner's
    stub that raises NotImplementedError, or code that crashes, is
    reported as such instead of as a traceback, and a `WrongReturn`
    (from `call_on_copies`) by its message alone.
    """
    for check in checks:
        try:
            problem = check()
        except NotImplementedError:
            return Feedback(False, NOT_IMPLEMENTED)
        except WrongReturn as error:
            return Feedback(False, str(error))
        except Exception as error:  # the learner's code may raise anything
            name = type(error).__name__
            return Feedback(False, f"Your code raised {name}: {error}")
        if problem is not None:
            return Feedback(False, problem)
    return Feedback(True, PASSED)


_NUMBER_WORDS = {2: "two", 3: "three", 4: "four", 5: "five"}


def call_on_copies(fn: Callable, *args, returns: Sequence[str],
                   **kwargs) -> tuple[NDArray, ...]:
    """Call the learner's `fn` on copies of `args`; check its result.

    Args:
        fn: the learner's function.
        *args: its positional arguments; each is deep-copied, so the
            caller's arrays stay as they were whatever `fn` does.
        returns: the names of the two or more arrays `fn` should return,
            in order, as the learner knows them.
        **kwargs: keyword arguments passed on as they are.

    Returns:
        What `fn` returned, each part as an array of floats.

    Raises:
        WrongReturn: `fn` returned something other than a tuple of
            `len(returns)` parts.

    Example:
        >>> call_on_copies(divmod, 7, 2, returns=("q", "r"))
        (array(3.), array(1.))
    """
    result = fn(*(copy.deepcopy(arg) for arg in args), **kwargs)
    if not (isinstance(result, tuple) and len(result) == len(returns)):
        count = _NUMBER_WORDS.get(len(returns), str(len(returns)))
        raise WrongReturn(f"your function should return a tuple "
                          f"({', '.join(returns)}) of {count} arrays; it "
                          f"returned {type(result).__name__}")
    return tuple(np.asarray(part, dtype=float) for part in result)


def unchanged_inputs(fn: Callable, inputs: Mapping[str, NDArray],
                     hint: str, *args, **kwargs
                     ) -> Callable[[], str | None]:
    """A check that the learner's `fn` leaves the arrays it gets alone.

    Args:
        fn: the learner's function, called as
            `fn(*copies of inputs, *args, **kwargs)`.
        inputs: the arrays `fn` takes first, by the names the learner
            knows them by, in order; they are copied, never changed.
        hint: how to write the update without changing an array, put in
            parentheses after the complaint.
        *args, **kwargs: the rest of `fn`'s arguments.

    Returns:
        A check for `run_checks`: None, or a sentence naming the first
        array that `fn` changed.

    Example:
        >>> def double(x):
        ...     x *= 2
        ...     return x
        >>> check = unchanged_inputs(double, {"x": np.ones(2)},
        ...                          "write `x = 2 * x`, not `x *= 2`")
        >>> check().startswith("your function changed the array `x`")
        True
    """

    def check() -> str | None:
        given = {name: np.array(array) for name, array in inputs.items()}
        fn(*given.values(), *args, **kwargs)
        for name, array in given.items():
            if not np.array_equal(array, inputs[name]):
                return (f"your function changed the array `{name}` it was "
                        f"given; return new arrays instead ({hint})")
        return None

    return check


def matching_slip(got: ArrayLike, slips: Mapping[str, ArrayLike], *,
                  rtol: float = 1e-6, atol: float = 1e-9) -> str | None:
    """Name the first slip whose wrong answer equals `got`, or None.

    Args:
        got: the learner's (wrong) answer.
        slips: for each known slip, the sentence that names it and the
            answer that slip gives.
        rtol, atol: the tolerances of `first_difference`.

    Example:
        >>> slips = {"you negated it": [-1.0], "you doubled it": [2.0]}
        >>> matching_slip([2.0], slips)
        'you doubled it'
    """
    for message, wrong in slips.items():
        if first_difference(got, wrong, rtol=rtol, atol=atol) is None:
            return message
    return None
