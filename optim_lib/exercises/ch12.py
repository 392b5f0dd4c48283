"""Checker for chapter 12, limitations: one step of Newton's method.

The learner writes

    newton_step(params, grads, hessian) -> params

the step θ_{t+1} = θ_t − H⁻¹ g_t of a second-order method, which uses
the curvature H = ∇²f(θ_t) as well as the gradient g_t = ∇f(θ_t). On a
quadratic it lands on the minimum in one step, whatever the condition
number.
"""

from collections.abc import Callable

import numpy as np
from numpy.typing import NDArray

from optim_lib import problems
from optim_lib.exercises.feedback import (Feedback, first_difference,
                                          run_checks)

Step = Callable[[NDArray, NDArray, NDArray], NDArray]


def newton_step(params: NDArray, grads: NDArray, hessian: NDArray
                ) -> NDArray:
    """The reference: θ − H⁻¹ g, by solving H d = g (no inverse).

    Example:
        >>> newton_step(np.array([1.0, 1.0]), np.array([2.0, 20.0]),
        ...             np.diag([2.0, 20.0]))
        array([0., 0.])
    """
    return params - np.linalg.solve(hessian, grads)


def rosenbrock_hessian(params: NDArray, b: float = 100.0) -> NDArray:
    """∇²f of Rosenbrock's f = (a − x)² + b (y − x²)² at (x, y)."""
    x, y = params
    return np.array([[2 - 4 * b * (y - x ** 2) + 8 * b * x ** 2,
                      -4 * b * x],
                     [-4 * b * x, 2 * b]])


def _cases() -> list[tuple[str, NDArray, NDArray, NDArray]]:
    """(description, θ, g, H) on the book's problems."""
    bowl = problems.Quadratic.from_condition_number(100.0, angle=0.5)
    rosen = problems.Rosenbrock()
    three = problems.Quadratic.from_eigenvalues(
        [0.5, 2.0, 30.0], rng=np.random.default_rng(12))
    cases = []
    for name, problem, theta, hessian in (
            ("a rotated bowl with κ = 100 at (1, 1)", bowl,
             np.array([1.0, 1.0]), bowl.hessian),
            ("Rosenbrock's valley at (−1.5, 2.5)", rosen,
             np.array([-1.5, 2.5]),
             rosenbrock_hessian(np.array([-1.5, 2.5]))),
            ("a 3-D bowl at (1, −2, 3)", three,
             np.array([1.0, -2.0, 3.0]), three.hessian)):
        cases.append((name, theta, problem.grad(theta), hessian))
    return cases


def check_newton_step(learner: Step) -> Feedback:
    """Check a learner's `newton_step` against the reference.

    Args:
        learner: a function with the signature of `newton_step`.

    Returns:
        Feedback naming the first case that differs, and the usual slip
        behind it when it recognises one.
    """
    checks = [_check_case(learner, *case) for case in _cases()]
    checks.append(_check_unchanged(learner))
    return run_checks(checks)


def _check_case(learner: Step, name: str, theta: NDArray, grads: NDArray,
                hessian: NDArray) -> Callable[[], str | None]:
    def check() -> str | None:
        got = learner(theta.copy(), grads.copy(), hessian.copy())
        want = newton_step(theta, grads, hessian)
        diff = first_difference(got, want, rtol=1e-6, atol=1e-9)
        if diff is None:
            return None
        got = np.asarray(got, dtype=float)
        slips = {
            "you stepped uphill: subtract H⁻¹ g from θ.":
                theta + np.linalg.solve(hessian, grads),
            "you multiplied by H; a Newton step divides by the "
            "curvature, θ − H⁻¹ g.": theta - hessian @ grads,
            "that is a plain gradient step θ − g; multiply g by H⁻¹ "
            "first.": theta - grads,
        }
        for hint, wrong in slips.items():
            if got.shape == wrong.shape and first_difference(
                    got, wrong, rtol=1e-6, atol=1e-9) is None:
                return f"On {name}, {hint}"
        return f"On {name}, the new θ is wrong: {diff}."
    return check


def _check_unchanged(learner: Step) -> Callable[[], str | None]:
    def check() -> str | None:
        _, theta, grads, hessian = _cases()[0]
        before = (theta.copy(), grads.copy(), hessian.copy())
        learner(theta, grads, hessian)
        for name, now, then in zip(("params", "grads", "hessian"),
                                   (theta, grads, hessian), before):
            if not np.array_equal(now, then):
                return (f"your function changed {name}; return a new "
                        f"array instead.")
        return None
    return check
