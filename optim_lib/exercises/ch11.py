"""Checker for chapter 11, the modern recipe: clipping by global norm.

The learner writes

    clip_by_global_norm(grads, max_norm) -> (clipped, norm)

where grads is a dict of arrays (a network's gradient), norm is the
2-norm of all entries taken together, ‖g‖ = √(Σ_k Σ_i g_{k,i}²), and
every array is multiplied by the same factor min(1, max_norm / ‖g‖), so
that the direction of the whole gradient is kept.
"""

from collections.abc import Callable

import numpy as np
from numpy.typing import NDArray

from optim_lib.exercises.feedback import (Feedback, first_difference,
                                          run_checks)

Grads = dict[str, NDArray]
Clip = Callable[[Grads, float], tuple[Grads, float]]


def clip_by_global_norm(grads: Grads, max_norm: float
                        ) -> tuple[Grads, float]:
    """The reference: scale all grads by min(1, max_norm / ‖g‖).

    Args:
        grads: a dict of arrays.
        max_norm: the largest global norm allowed, > 0.

    Returns:
        (clipped, norm): new arrays, and ‖g‖ before clipping.

    Example:
        >>> clipped, norm = clip_by_global_norm(
        ...     {"W": np.array([3.0]), "b": np.array([4.0])}, 1.0)
        >>> norm, clipped["W"], clipped["b"]
        (5.0, array([0.6]), array([0.8]))
    """
    norm = float(np.sqrt(sum(np.sum(g ** 2) for g in grads.values())))
    scale = min(1.0, max_norm / norm) if norm > 0 else 1.0
    return {key: g * scale for key, g in grads.items()}, norm


def _cases() -> list[tuple[str, Grads, float]]:
    rng = np.random.default_rng(11)
    big = {"W1": rng.standard_normal((4, 3)), "b1": rng.standard_normal(3),
           "W2": 10 * rng.standard_normal((3, 2)), "b2": np.zeros(2)}
    return [("a gradient of norm 5 (3 and 4) clipped to 1",
             {"W": np.array([[3.0]]), "b": np.array([4.0])}, 1.0),
            ("a gradient of norm 5 with max_norm 10 (no clipping)",
             {"W": np.array([[3.0]]), "b": np.array([4.0])}, 10.0),
            ("a two-layer gradient clipped to 2", big, 2.0)]


def check_clip_by_global_norm(learner: Clip) -> Feedback:
    """Check a learner's `clip_by_global_norm` against the reference.

    Args:
        learner: a function with the signature of `clip_by_global_norm`.

    Returns:
        Feedback naming the first case and quantity that differ, and the
        usual slip behind it when it recognises one.
    """
    checks = [_check_case(learner, *case) for case in _cases()]
    checks.append(_check_unchanged(learner))
    return run_checks(checks)


def _check_case(learner: Clip, name: str, grads: Grads, max_norm: float
                ) -> Callable[[], str | None]:
    def check() -> str | None:
        got = learner(_copy(grads), max_norm)
        if not (isinstance(got, tuple) and len(got) == 2):
            return "return a pair (clipped, norm)."
        clipped, norm = got
        want, want_norm = clip_by_global_norm(grads, max_norm)
        if first_difference(norm, want_norm, rtol=1e-5) is not None:
            return _norm_message(name, float(norm), want_norm, max_norm)
        if not isinstance(clipped, dict) or set(clipped) != set(want):
            return (f"On {name}, the clipped gradient must be a dict with "
                    f"the keys {sorted(want)}.")
        for key in sorted(want):
            diff = first_difference(clipped[key], want[key], rtol=1e-5)
            if diff is not None:
                return f"On {name}, " + _clip_message(
                    key, clipped, grads, want_norm, max_norm, diff)
        return None
    return check


def _norm_message(name: str, norm: float, want: float, max_norm: float
                  ) -> str:
    if abs(norm - min(want, max_norm)) < 1e-5 * max(want, 1):
        return (f"On {name}, the norm you return is {norm:.6g}, the norm "
                f"after clipping; return ‖g‖ before clipping, "
                f"{want:.6g}.")
    return (f"On {name}, the norm is {norm:.6g}, expected {want:.6g}: "
            f"the square root of the sum of the squares of all entries "
            f"of all arrays.")


def _clip_message(key: str, clipped: Grads, grads: Grads, norm: float,
                  max_norm: float, diff: str) -> str:
    got = np.asarray(clipped[key], dtype=float)
    own = np.linalg.norm(grads[key])
    per_array = grads[key] * min(1.0, max_norm / own) if own else grads[key]
    if norm < max_norm and first_difference(
            got, grads[key] * max_norm / norm, rtol=1e-5) is None:
        return (f"clipped[{key!r}] was scaled up; a gradient whose norm is "
                f"already below max_norm stays as it is.")
    if first_difference(got, per_array, rtol=1e-5) is None:
        return (f"clipped[{key!r}] was clipped by its own norm; use one "
                f"factor for all arrays, from the norm of all of them "
                f"together, so that the direction is kept.")
    return f"clipped[{key!r}] is wrong: {diff}."


def _check_unchanged(learner: Clip) -> Callable[[], str | None]:
    def check() -> str | None:
        grads = _cases()[2][1]
        before = _copy(grads)
        learner(grads, 2.0)
        for key in before:
            if not np.array_equal(grads[key], before[key]):
                return (f"your function changed grads[{key!r}]; return "
                        f"new arrays instead of scaling in place.")
        return None
    return check


def _copy(grads: Grads) -> Grads:
    return {key: np.array(value) for key, value in grads.items()}
