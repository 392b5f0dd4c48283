"""Checkers for the exercises of chapter 1, "One equation, many answers"."""

from collections.abc import Callable

import numpy as np

from optim_lib import problems
from optim_lib.exercises.feedback import (Feedback, first_difference,
                                          run_checks)

# (params, xs, ys): one point, a point on the floor, two and three points.
CASES = [
    ([1.0, 1.0], [3.0], [7.0]),
    ([2.0, 1.0], [3.0], [7.0]),
    ([0.5, -1.0], [3.0, 5.0], [7.0, 11.0]),
    ([-1.0, 2.0], [0.0, 1.0, 2.0], [1.0, 3.0, 4.0]),
]


def check_loss_and_grad(loss_and_grad: Callable) -> Feedback:
    """Check `loss_and_grad(params, xs, ys)` for the sum of squares.

    The learner's function must return `(loss, grads)` with
    f(a, b) = Σᵢ (a·x_i + b − y_i)² and grads = (∂f/∂a, ∂f/∂b), and must
    leave its inputs unchanged.

    Returns:
        A `Feedback`: "All checks passed." or the first problem found.
    """
    return run_checks(_case(loss_and_grad, *case) for case in CASES)


def _case(learner: Callable, params: list, xs: list, ys: list
          ) -> Callable[[], str | None]:
    """One check: the learner's result against LinearEquation's."""
    def check() -> str | None:
        theta = np.array(params)
        expected_loss, expected_grads = \
            problems.LinearEquation(xs, ys).loss_and_grad(theta)
        where = (f"For (a, b) = ({params[0]:g}, {params[1]:g}) and the "
                 f"points x = {xs}, y = {ys}")

        result = learner(theta, np.array(xs), np.array(ys))
        if not (isinstance(result, tuple) and len(result) == 2):
            return (f"{where} your function returned {type(result).__name__}"
                    f"; return a pair: (loss, grads).")
        loss, grads = result
        if not np.array_equal(theta, params):
            return f"{where} your function changed params; leave it as is."
        if np.ndim(loss) != 0:
            return (f"{where} the loss should be one number; got shape "
                    f"{np.shape(loss)}.")
        return _loss_problem(where, float(loss), expected_loss, len(xs)) \
            or _grads_problem(where, grads, expected_grads)
    return check


def _loss_problem(where: str, loss: float, expected: float, n: int
                  ) -> str | None:
    """Say what is wrong with the loss, guessing the common slip."""
    if np.isclose(loss, expected):
        return None
    hint = ""
    if n > 1 and np.isclose(loss * n, expected):
        hint = " It looks like a mean; this exercise wants the sum."
    return (f"{where} your loss is {loss:.6g}, expected {expected:.6g}."
            f"{hint}")


def _grads_problem(where: str, grads, expected: np.ndarray) -> str | None:
    """Say what is wrong with the gradient, guessing the common slip."""
    difference = first_difference(grads, expected)
    if difference is None:
        return None
    hint = " (index 0 is ∂f/∂a, index 1 is ∂f/∂b)"
    if np.shape(grads) == expected.shape and \
            np.allclose(2.0 * np.asarray(grads, dtype=float), expected):
        hint += "; it is half the expected value: the chain rule brings " \
                "a factor 2 from the square"
    return f"{where} your gradient is wrong: {difference}{hint}."
