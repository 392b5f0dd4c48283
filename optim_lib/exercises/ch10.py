"""Checker for chapter 10, training a network: an L2 penalty on weights.

The learner writes

    loss_and_grad_l2(params, X, y, weight_decay) -> (loss, grads)

the network's loss of `optim_lib.nn.loss_and_grad` plus the penalty
(λ/2) Σ_l ‖W_l‖² on the weight matrices only (not on the biases), and
its gradient: the network's gradient plus λ W_l for every W_l, with the
bias gradients unchanged. λ is `weight_decay`.
"""

from collections.abc import Callable
from typing import Any

import numpy as np
from numpy.typing import NDArray

from optim_lib import nn
from optim_lib.exercises.feedback import (Feedback, first_difference,
                                          run_checks)

LossAndGrad = Callable[..., tuple[float, dict[str, NDArray]]]


def loss_and_grad_l2(params: dict[str, NDArray], X: NDArray, y: NDArray,
                     weight_decay: float) -> tuple[float, dict]:
    """The reference: the network's loss plus (λ/2) Σ_l ‖W_l‖².

    Args:
        params: {"W1", "b1", ..., "WL", "bL"}.
        X, y: a batch of inputs and integer labels.
        weight_decay: λ >= 0.

    Returns:
        (loss, grads): grads["W_l"] gains λ W_l, the biases' do not.

    Example:
        >>> params = {"W1": np.ones((2, 2)), "b1": np.ones(2)}
        >>> f, grads = loss_and_grad_l2(params, np.zeros((1, 2)), [0], 0.5)
        >>> round(f - float(np.log(2)), 6), float(grads["W1"][0, 0])
        (1.0, 0.5)
    """
    f, grads = nn.loss_and_grad(params, X, y)
    penalty = sum(np.sum(value ** 2) for key, value in params.items()
                  if key.startswith("W"))
    grads = {key: g + weight_decay * params[key] if key.startswith("W")
             else g for key, g in grads.items()}
    return f + 0.5 * weight_decay * float(penalty), grads


def _cases() -> list[tuple[str, dict, NDArray, NDArray, float]]:
    """(description, params, X, y, λ): small networks and batches."""
    rng = np.random.default_rng(10)
    one = nn.init_mlp([4, 3], rng)
    one["b1"] = rng.standard_normal(3)              # a bias to not decay
    two = nn.init_mlp([4, 5, 3], rng)
    two = {key: value + 0.3 for key, value in two.items()}
    X = rng.standard_normal((6, 4))
    y = rng.integers(0, 3, size=6)
    return [("a one-layer network with λ = 0", one, X, y, 0.0),
            ("a one-layer network with λ = 0.1", one, X, y, 0.1),
            ("a two-layer network with λ = 0.01", two, X, y, 0.01)]


def check_loss_and_grad_l2(learner: LossAndGrad) -> Feedback:
    """Check a learner's `loss_and_grad_l2` against the reference.

    Args:
        learner: a function with the signature of `loss_and_grad_l2`.

    Returns:
        Feedback naming the first case and quantity that differ, and the
        usual slip behind it when it recognises one.
    """
    checks: list[Callable[[], str | None]] = []
    for case in _cases():
        checks.append(_check_case(learner, *case))
    checks.append(_check_unchanged(learner))
    return run_checks(checks)


def _check_case(learner: LossAndGrad, name: str, params: dict,
                X: NDArray, y: NDArray, weight_decay: float
                ) -> Callable[[], str | None]:
    def check() -> str | None:
        got = learner(_copy(params), X, y, weight_decay)
        if not (isinstance(got, tuple) and len(got) == 2):
            return "return a pair (loss, grads)."
        f, grads = got
        want_f, want = loss_and_grad_l2(params, X, y, weight_decay)
        problem = _loss_message(float(f), want_f, params, weight_decay)
        if problem:
            return f"On {name}, {problem}"
        if not isinstance(grads, dict) or set(grads) != set(want):
            return (f"On {name}, grads must be a dict with the keys "
                    f"{sorted(want)}.")
        for key in sorted(want):
            problem = _grad_message(key, grads[key], want[key], params,
                                    weight_decay)
            if problem:
                return f"On {name}, {problem}"
        return None
    return check


def _penalty(params: dict, weight_decay: float, biases: bool) -> float:
    keys = [k for k in params if biases or k.startswith("W")]
    return 0.5 * weight_decay * sum(float(np.sum(params[k] ** 2))
                                    for k in keys)


def _loss_message(f: float, want: float, params: dict,
                  weight_decay: float) -> str | None:
    if first_difference(f, want) is None:
        return None
    bare = want - _penalty(params, weight_decay, biases=False)
    hints = {
        bare + _penalty(params, weight_decay, biases=True):
            "the penalty includes the biases; decay only the W_l.",
        bare + 2 * _penalty(params, weight_decay, biases=False):
            "the penalty is missing its factor 1/2: (λ/2) Σ ‖W_l‖².",
        bare: "the loss has no penalty added.",
    }
    for value, hint in hints.items():
        if weight_decay and first_difference(f, value) is None:
            return "the loss is wrong: " + hint
    return f"the loss is {f:.6g}, expected {want:.6g}."


def _grad_message(key: str, got: Any, want: NDArray, params: dict,
                  weight_decay: float) -> str | None:
    diff = first_difference(got, want)
    if diff is None:
        return None
    got = np.asarray(got, dtype=float)
    if key.startswith("b") and first_difference(
            got, want + weight_decay * params[key]) is None:
        return (f"grads[{key!r}] includes λ·{key}: biases are not "
                f"decayed.")
    if key.startswith("W") and first_difference(
            got, want - weight_decay * params[key]) is None:
        return f"grads[{key!r}] is missing the term λ·{key}."
    return f"grads[{key!r}] is wrong: {diff}."


def _check_unchanged(learner: LossAndGrad) -> Callable[[], str | None]:
    def check() -> str | None:
        _, params, X, y, weight_decay = _cases()[2]
        before = _copy(params)
        learner(params, X, y, weight_decay)
        for key in before:
            if not np.array_equal(params[key], before[key]):
                return (f"your function changed params[{key!r}]; compute "
                        f"new arrays instead of updating in place.")
        return None
    return check


def _copy(params: dict) -> dict:
    return {key: np.array(value) for key, value in params.items()}
