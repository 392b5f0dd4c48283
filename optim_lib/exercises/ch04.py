"""Checker for chapter 4, gradient descent: stop when the gradient is small.

The learner writes `descend(loss_and_grad, params, lr, tol, max_steps)`,
gradient descent θ_{t+1} = θ_t − η g_t that stops at the first θ_t whose
gradient norm ‖g_t‖ is at most `tol`, or after `max_steps` steps, and
returns `(params, steps)`: that θ_t and the number t of steps taken.
"""

from collections.abc import Callable

import numpy as np
from numpy.typing import NDArray

from optim_lib import problems
from optim_lib.exercises.feedback import (Feedback, first_difference,
                                          run_checks)

LossAndGrad = Callable[[NDArray], tuple[float, NDArray]]
Descend = Callable[..., tuple[NDArray, int]]

# (name for messages, problem, start, lr, tol, max_steps)
CASES = (
    ("the chapter-1 loss from (0, 0) with η = 0.02, tol = 1e-6",
     problems.LinearEquation(x=3.0, y=7.0), (0.0, 0.0), 0.02, 1e-6, 1000),
    ("the κ = 10 bowl from (1, 1) with η = 1.0, tol = 1e-3",
     problems.Quadratic.from_condition_number(10.0), (1.0, 1.0), 1.0,
     1e-3, 1000),
    ("the κ = 10 bowl from (1, 1) with η = 1.0 and max_steps = 5",
     problems.Quadratic.from_condition_number(10.0), (1.0, 1.0), 1.0,
     1e-3, 5),
    ("a 3-D bowl from (1, -2, 3) with η = 0.5, tol = 1e-4",
     problems.Quadratic.from_eigenvalues([0.5, 1.0, 2.0]),
     (1.0, -2.0, 3.0), 0.5, 1e-4, 1000),
)


def descend(loss_and_grad: LossAndGrad, params: NDArray, lr: float,
            tol: float, max_steps: int) -> tuple[NDArray, int]:
    """The reference: gradient descent until ‖g_t‖ ≤ tol.

    Args:
        loss_and_grad: θ -> (f(θ), ∇f(θ)).
        params: the start θ₀ (not modified).
        lr: the learning rate η.
        tol: stop at the first θ_t with ‖g_t‖ ≤ tol.
        max_steps: take at most this many steps.

    Returns:
        `(params, steps)`: the θ_t where it stopped and that t.

    Example:
        >>> bowl = problems.Quadratic([[1.0, 0.0], [0.0, 1.0]])
        >>> descend(bowl.loss_and_grad, np.ones(2), 1.0, 1e-9, 10)
        (array([0., 0.]), 1)
    """
    params = np.array(params, dtype=float)
    for step in range(max_steps):
        _, grads = loss_and_grad(params)
        if np.linalg.norm(grads) <= tol:
            return params, step
        params = params - lr * grads
    return params, max_steps


def check_descend(learner: Descend) -> Feedback:
    """Check a learner's `descend` against the reference, case by case.

    Args:
        learner: a function with the signature of `descend`.

    Returns:
        Feedback naming the first case and quantity that differ.
    """
    checks = [_check_case(learner, *case) for case in CASES]
    checks.insert(1, _check_start_unchanged(learner))
    return run_checks(checks)


def _check_case(learner: Descend, name: str, problem, start, lr: float,
                tol: float, max_steps: int) -> Callable[[], str | None]:
    """A check that runs one case and compares result and step count."""

    def check() -> str | None:
        start_array = np.array(start, dtype=float)
        result = learner(problem.loss_and_grad, start_array.copy(), lr,
                         tol, max_steps)
        shape_problem = _result_shape_problem(result)
        if shape_problem:
            return shape_problem
        got_params, got_steps = result
        want_params, want_steps = descend(problem.loss_and_grad,
                                          start_array, lr, tol, max_steps)
        if int(got_steps) != want_steps:
            return _steps_message(name, int(got_steps), want_steps,
                                  max_steps)
        difference = first_difference(got_params, want_params)
        if difference:
            return (f"On {name} you stopped after the right number of "
                    f"steps ({want_steps}), but the parameters you "
                    f"returned are not θ_{want_steps}: {difference}.")
        return None

    return check


def _result_shape_problem(result) -> str | None:
    """Say what is wrong if `result` is not a (params, steps) pair."""
    if not (isinstance(result, tuple) and len(result) == 2):
        return ("Your function should return a pair (params, steps); "
                f"it returned {type(result).__name__}.")
    steps = result[1]
    try:
        whole = float(steps).is_integer() and not isinstance(steps, bool)
    except (TypeError, ValueError):
        whole = False
    if not whole:
        return ("The second thing you return should be the whole number "
                f"of steps taken; got {steps!r}.")
    return None


def _steps_message(name: str, got: int, want: int, max_steps: int) -> str:
    """Explain a wrong step count, with the most likely cause."""
    message = (f"On {name} you stopped after {got} steps; the first θ_t "
               f"with ‖g_t‖ ≤ tol is θ_{want}, so you should stop after "
               f"{want} steps.")
    if want == max_steps and got != want:
        return message + (" Here the tolerance is never reached: stop "
                          "after max_steps steps.")
    if got == want + 1:
        return message + (" Test the gradient norm before taking the "
                          "step, not after it.")
    if got == want - 1:
        return message + (" Stop when ‖g_t‖ ≤ tol, not one step early.")
    return message + (" Check the update θ_{t+1} = θ_t − η g_t and the "
                      "stopping test ‖g_t‖ ≤ tol (the norm, not a single "
                      "entry).")


def _check_start_unchanged(learner: Descend) -> Callable[[], str | None]:
    """A check that the learner does not modify the array it is given."""

    def check() -> str | None:
        problem = problems.LinearEquation(x=3.0, y=7.0)
        start = np.zeros(2)
        learner(problem.loss_and_grad, start, 0.02, 1e-6, 10)
        if np.any(start != 0.0):
            return ("Your function changed the start array it was given "
                    f"(it is now {start}). Make new arrays with "
                    "`params = params - lr * grads` instead of updating "
                    "in place with `-=`.")
        return None

    return check
