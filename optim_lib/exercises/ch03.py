"""Checker for chapter 3, derivatives and gradients: a numerical gradient.

The learner writes `numerical_gradient(f, params, h)`: for every
coordinate i the central difference

    (f(θ + h e_i) − f(θ − h e_i)) / (2h),

returned as an array shaped like `params`, leaving `params` unchanged.
The reference is `optim_lib.gradcheck.numerical_gradient`.
"""

from collections.abc import Callable

import numpy as np
from numpy.typing import NDArray

from optim_lib import gradcheck
from optim_lib.exercises.feedback import (Feedback, first_difference,
                                          run_checks)

LossFn = Callable[[NDArray], float]
NumericalGradient = Callable[[LossFn, NDArray, float], NDArray]


def cubic(theta: NDArray) -> float:
    """f(θ) = θ₀³ + 2θ₀θ₁ + θ₁²: curved enough that h matters.

    Example:
        >>> cubic(np.array([1.0, -2.0]))
        1.0
    """
    return float(theta[0] ** 3 + 2 * theta[0] * theta[1] + theta[1] ** 2)


def waves(theta: NDArray) -> float:
    """f(θ) = Σᵢ sin(i·θᵢ) + θ₀θ₂, a 3-D test function."""
    return float(np.sum(np.sin(np.arange(1, 4) * theta))
                 + theta[0] * theta[2])


# (description for messages, f, params, h)
CASES = (
    ("f(θ) = θ₀³ + 2θ₀θ₁ + θ₁² at θ = (1, -2) with h = 1e-3",
     cubic, (1.0, -2.0), 1e-3),
    ("f(θ) = θ₀³ + 2θ₀θ₁ + θ₁² at θ = (1, -2) with h = 0.1",
     cubic, (1.0, -2.0), 0.1),
    ("f(θ) = Σ sin(i·θᵢ) + θ₀θ₂ at θ = (0.3, -1.2, 2.0) with h = 1e-4",
     waves, (0.3, -1.2, 2.0), 1e-4),
)


def check_numerical_gradient(learner: NumericalGradient) -> Feedback:
    """Check a learner's central-difference gradient.

    Args:
        learner: a function `(f, params, h) -> grads`.

    Returns:
        Feedback naming the first case that differs and, where it can
        tell, why (a one-sided difference, a missing factor 2, an
        ignored `h`, a changed `params`, integer arithmetic).
    """
    checks = [_check_params_unchanged(learner)]
    checks += [_check_case(learner, *case) for case in CASES]
    checks.append(_check_integer_params(learner))
    return run_checks(checks)


def _one_sided(f: LossFn, params: NDArray, h: float) -> NDArray:
    """The forward differences (f(θ + h e_i) − f(θ)) / h."""
    base = f(params)
    steps = np.eye(params.size) * h
    return np.array([(f(params + step) - base) / h for step in steps])


def _diagnosis(f: LossFn, params: NDArray, h: float, got: NDArray,
               expected: NDArray) -> str:
    """A likely cause for a wrong result, or a hint where to look."""
    if np.allclose(got, _one_sided(f, params, h), rtol=1e-6, atol=1e-9):
        return (" Your numbers are forward differences "
                "(f(θ + h e_i) − f(θ)) / h, whose error shrinks only like "
                "h; use the central difference "
                "(f(θ + h e_i) − f(θ − h e_i)) / (2h), whose error "
                "shrinks like h².")
    if np.allclose(got, 2 * expected, rtol=1e-6, atol=1e-9):
        return (" Your numbers are twice the central difference: divide "
                "by 2h, the distance between θ + h e_i and θ − h e_i.")
    if np.allclose(got, gradcheck.numerical_gradient(f, params, 1e-6),
                   rtol=1e-6, atol=1e-9):
        return (f" Your numbers match the step h = 1e-6, not h = {h:g}: "
                "use the argument h.")
    return " Move one coordinate at a time, by +h and by −h."


def _check_case(learner: NumericalGradient, name: str, f: LossFn,
                start: tuple, h: float) -> Callable[[], str | None]:
    """A check that compares the learner with the reference on one case."""

    def check() -> str | None:
        params = np.array(start)
        got = learner(f, params.copy(), h)
        expected = gradcheck.numerical_gradient(f, params, h)
        if np.shape(got) != params.shape:
            return (f"For {name} your gradient should have one entry per "
                    f"parameter, shape {params.shape}; got shape "
                    f"{np.shape(got)}.")
        difference = first_difference(got, expected, rtol=1e-6,
                                      atol=1e-9)
        if difference:
            got = np.asarray(got, dtype=float)
            return (f"For {name} your gradient is not the central "
                    f"difference: {difference}."
                    + _diagnosis(f, params, h, got, expected))
        return None

    return check


def _check_params_unchanged(learner: NumericalGradient
                            ) -> Callable[[], str | None]:
    """A check that params is the same array, unchanged, after a call."""

    def check() -> str | None:
        params = np.array([1.0, -2.0])
        learner(cubic, params, 1e-3)
        if not np.array_equal(params, [1.0, -2.0]):
            return ("Your function changed the params it was given: "
                    f"they are now {params}, were [1. -2.]. Move a copy "
                    "(theta = params.copy()) or build θ ± h e_i as new "
                    "arrays.")
        return None

    return check


def _check_integer_params(learner: NumericalGradient
                          ) -> Callable[[], str | None]:
    """A check with params given as integers, as a learner might.

    Refusing them with a ValueError, as the library does, is fine too.
    """

    def check() -> str | None:
        params = np.array([1, -2])
        try:
            got = learner(cubic, params, 1e-3)
        except ValueError:
            return None
        expected = gradcheck.numerical_gradient(cubic, params * 1.0, 1e-3)
        difference = first_difference(got, expected, rtol=1e-6,
                                      atol=1e-9)
        if difference:
            return ("With integer params np.array([1, -2]) your gradient "
                    f"is wrong: {difference}. Adding h = 0.001 to an "
                    "integer array rounds it away; convert first with "
                    "np.asarray(params, dtype=float).")
        return None

    return check
