"""Check a gradient against central differences.

Every optimizer trusts the gradient it is given; a wrong one does not
crash anything, it just optimizes something else. The cure is to compare
with the definition of the derivative: for each coordinate i,

    ∂f/∂θ_i ≈ (f(θ + h e_i) − f(θ − h e_i)) / (2h),

whose error is O(h²) (plus rounding, about ε_machine |f| / h). With
h = 1e-6 in float64 a correct gradient typically agrees to 1e-8 or
better in relative terms, a wrong one to 1e-1 or worse.

    >>> f = lambda theta: float(np.sum(theta**3))
    >>> grad_f = lambda theta: 3 * theta**2
    >>> gradient_check(f, grad_f, np.array([1.0, 2.0])) < 1e-8
    True
"""

import math
from collections.abc import Callable
from typing import Any

import numpy as np

from optim_lib import _tree
from optim_lib._tree import Params

__all__ = ["numerical_gradient", "gradient_check"]


def numerical_gradient(f: Callable[[Any], float], params: Params,
                       h: float = 1e-6) -> Params:
    """The central-difference gradient of f at params, in float64.

    Takes 2n evaluations of f for n parameters: meant for the small
    problems of the book. f always gets fresh float64 arrays, never
    params itself.

    Args:
        f: params -> loss, a number.
        params: θ, an array of any shape or a dict of arrays.
        h: the step h > 0.

    Returns:
        Arrays shaped like params (a dict for a dict).

    Raises:
        ValueError: if h is not > 0 or params are not floating point.

    Example:
        >>> numerical_gradient(lambda x: float(x @ x), np.array([1., 2.]))
        array([2., 4.])
    """
    if not h > 0:
        raise ValueError(f"h must be > 0, got {h!r}")
    base = _tree.map_leaves(lambda a: np.array(a, dtype=np.float64),
                            _tree.as_params(params))
    grads = _tree.zeros_like(base)
    for key, theta in _tree.leaves(base):
        for i in np.ndindex(theta.shape):
            up, down = (_moved(base, key, i, step) for step in (h, -h))
            _get(grads, key)[i] = (f(up) - f(down)) / (2 * h)
    return grads


def _get(tree: Any, key: str | None) -> Any:
    return tree if key is None else tree[key]


def _moved(base: Params, key: str | None, index: tuple, step: float
           ) -> Params:
    """A copy of base with one coordinate moved by step."""
    moved = _tree.map_leaves(np.copy, base)
    _get(moved, key)[index] += step
    return moved


def gradient_check(f: Callable[[Any], float],
                   grad_f: Callable[[Any], Params], params: Params,
                   h: float = 1e-6, floor: float = 1e-6) -> float:
    """The largest relative error of grad_f against central differences.

    For each coordinate, with a the analytic and n the numerical value,
    the error is |a − n| / max(|a|, |n|, floor). The floor keeps
    coordinates where both are about 0 from dividing noise by noise:
    there the error is absolute, scaled by 1 / floor.

    Args:
        f: params -> loss.
        grad_f: params -> gradient, the function to check.
        params: where to check, an array or a dict of arrays.
        h: the central-difference step.
        floor: the smallest denominator.

    Returns:
        The maximum error over all coordinates: about 1e-8 or less for a
        correct gradient, 1e-2 or more for a wrong one; inf if grad_f
        gives a NaN.

    Raises:
        ValueError: if grad_f's result is shaped unlike params.

    Example:
        >>> f = lambda x: float(np.sum(np.sin(x)))
        >>> x = np.array([0.5, 1.5])
        >>> gradient_check(f, np.cos, x) < 1e-8
        True
        >>> gradient_check(f, np.sin, x) > 0.1
        True
    """
    params = _tree.as_params(params)
    numeric = numerical_gradient(f, params, h)
    analytic = _tree.check_grads(numeric, grad_f(params))
    errors = [_relative_error(a, _get(numeric, key), floor)
              for key, a in _tree.leaves(analytic)]
    worst = float(np.max(np.concatenate([[0.0], *errors])))
    return math.inf if math.isnan(worst) else worst


def _relative_error(a: np.ndarray, n: np.ndarray, floor: float
                    ) -> np.ndarray:
    scale = np.maximum(np.maximum(np.abs(a), np.abs(n)), floor)
    return np.ravel(np.abs(a - n) / scale)
