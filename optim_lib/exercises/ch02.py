"""Checkers for the exercises of chapter 2, on random and grid search."""

from collections.abc import Callable

import numpy as np

from optim_lib import problems, search
from optim_lib.exercises.feedback import (Feedback, first_difference,
                                          run_checks)

# (problem, low, high, points per axis k): d = 1, 2 and 3.
CASES = [
    (problems.Quadratic(np.eye(1), minimum=[0.3]), [-1.0], [1.0], 5),
    (problems.Rosenbrock(), [-2.0, -1.0], [2.0, 3.0], 4),
    (problems.Quadratic(np.diag([1.0, 2.0, 3.0]), minimum=[0.2, -0.4, 0.1]),
     [-1.0, -1.0, -1.0], [1.0, 1.0, 1.0], 3),
]


def check_grid_search(grid_search: Callable) -> Feedback:
    """Check `grid_search(loss, low, high, k)` in any dimension d.

    The learner's function must evaluate the loss once at each of the
    k^d cell centres lowᵢ + (j + ½)(highᵢ − lowᵢ)/k and return
    `(best_params, best_loss, evaluations)`.

    Returns:
        A `Feedback`: "All checks passed." or the first problem found.
    """
    return run_checks(_case(grid_search, *case) for case in CASES)


def _case(learner: Callable, problem, low: list, high: list, k: int
          ) -> Callable[[], str | None]:
    """One check: the learner's grid search against the library's."""
    def check() -> str | None:
        d = len(low)
        where = f"With d = {d} and k = {k}"
        expected = search.grid_search(problem.loss, low, high, k)
        counted = search.CountedLoss(problem.loss)

        result = learner(counted, np.array(low), np.array(high), k)
        if not (isinstance(result, tuple) and len(result) == 3):
            return (f"{where} your function returned "
                    f"{type(result).__name__}; return a triple: "
                    f"(best_params, best_loss, evaluations).")
        params, loss, evaluations = result
        return (_count_problem(where, counted.count, evaluations, k ** d)
                or _best_problem(where, params, loss, expected))
    return check


def _count_problem(where: str, calls: int, reported, total: int
                   ) -> str | None:
    """The loss must be called k^d times and the count reported."""
    if calls != total:
        return (f"{where} your function evaluated the loss {calls} times; "
                f"a grid of k points on each of d axes has k^d = {total}.")
    if reported != total:
        return (f"{where} you report {reported} evaluations, but the loss "
                f"was evaluated {total} times.")
    return None


def _best_problem(where: str, params, loss,
                  expected: search.SearchResult) -> str | None:
    """The best point and its loss must match the library's grid."""
    difference = first_difference(params, expected.params)
    if difference is not None:
        return (f"{where} your best params are wrong: {difference}. Are "
                f"your points the cell centres low + (j + 1/2)(high - "
                f"low)/k?")
    if not np.isclose(loss, expected.loss):
        return (f"{where} your best loss is {float(loss):.6g}, expected "
                f"{expected.loss:.6g}: return the loss of the best params.")
    return None
