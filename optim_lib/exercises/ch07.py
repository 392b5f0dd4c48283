"""Checkers for chapter 7, adaptive step sizes: AdaGrad and RMSProp.

The learner writes one step of each, per coordinate, as PyTorch takes it:

    adagrad_step(params, grads, v, lr, eps) -> (params, v)
        v_t = v_{t-1} + g_t²
        θ_t = θ_{t-1} − η g_t / (√v_t + ε)

    rmsprop_step(params, grads, v, lr, alpha, eps) -> (params, v)
        v_t = α v_{t-1} + (1 − α) g_t²
        θ_t = θ_{t-1} − η g_t / (√v_t + ε)

`v` is v_{t-1} before the step (zeros before the first). The checkers run
a few steps against the references below and, when a number is wrong,
try the usual slips (ε under the square root, the old v_{t-1} in the
step, |g| for g², one scale for all coordinates, ...) to name the one
that was made.
"""

from collections.abc import Callable

import numpy as np
from numpy.typing import NDArray

from optim_lib.exercises.feedback import (Feedback, call_on_copies,
                                          first_difference, matching_slip,
                                          run_checks, unchanged_inputs)

Step = Callable[..., tuple[NDArray, NDArray]]

# Coordinates on very different scales; index 2 holds a gradient as
# small as ε, where the place of ε shows.
PARAMS = np.array([1.0, -2.0, 0.5])
GRADS = (np.array([0.3, -40.0, 2e-5]), np.array([-0.1, -30.0, 1e-5]),
         np.array([0.2, 10.0, -3e-5]))


def adagrad_step(params: NDArray, grads: NDArray, v: NDArray, lr: float,
                 eps: float = 1e-10) -> tuple[NDArray, NDArray]:
    """The reference: one AdaGrad step, as torch.optim.Adagrad.

        v_t = v_{t-1} + g_t²,   θ_t = θ_{t-1} − η g_t / (√v_t + ε)

    Args:
        params, grads, v: θ_{t-1}, g_t and v_{t-1} (zeros at first).
        lr: the learning rate η.
        eps: ε, added outside the square root.

    Returns:
        (θ_t, v_t) as new arrays.

    Example:
        >>> adagrad_step(np.ones(2), np.array([3.0, -0.5]), np.zeros(2),
        ...              lr=0.1)
        (array([0.9, 1.1]), array([9.  , 0.25]))
    """
    v = v + grads ** 2
    return params - lr * grads / (np.sqrt(v) + eps), v


def rmsprop_step(params: NDArray, grads: NDArray, v: NDArray, lr: float,
                 alpha: float = 0.99, eps: float = 1e-8
                 ) -> tuple[NDArray, NDArray]:
    """The reference: one RMSProp step, as torch.optim.RMSprop.

        v_t = α v_{t-1} + (1 − α) g_t²,   θ_t = θ_{t-1} − η g_t / (√v_t + ε)

    Args:
        params, grads, v: θ_{t-1}, g_t and v_{t-1} (zeros at first).
        lr: the learning rate η.
        alpha: α, the share of v_{t-1} kept.
        eps: ε, added outside the square root.

    Returns:
        (θ_t, v_t) as new arrays.

    Example:
        >>> rmsprop_step(np.ones(2), np.array([3.0, -0.5]), np.zeros(2),
        ...              lr=0.1, alpha=0.75)
        (array([0.8, 1.2]), array([2.25  , 0.0625]))
    """
    v = alpha * v + (1 - alpha) * grads ** 2
    return params - lr * grads / (np.sqrt(v) + eps), v


def _v_slip(got: NDArray, grads: NDArray, v: NDArray, hyper: dict
            ) -> str | None:
    """Name the slip that gives the accumulator `got`, if one does."""
    alpha = hyper.get("alpha")
    keep, add = (1.0, 1.0) if alpha is None else (alpha, 1 - alpha)
    slips = {
        "you added |g| instead of the squared gradient g²":
            keep * v + add * np.abs(grads),
        "you added g instead of the squared gradient g²":
            keep * v + add * grads,
        "you added the squared norm ‖g‖² of the whole gradient to every "
        "coordinate; each coordinate keeps its own sum of g_i²":
            keep * v + add * np.sum(grads ** 2),
    }
    if alpha is not None:
        slips["the new g² enters with weight (1 − α): "
              "v_t = α·v_{t-1} + (1 − α)·g_t²"] = alpha * v + grads ** 2
        slips["you swapped α and (1 − α): v_{t-1} keeps the share α"] = \
            (1 - alpha) * v + alpha * grads ** 2
        slips["your v forgets all of the past; keep α·v_{t-1}"] = \
            (1 - alpha) * grads ** 2
    return matching_slip(got, slips)


def _params_slip(got: NDArray, params: NDArray, grads: NDArray,
                 v_old: NDArray, v_new: NDArray, hyper: dict
                 ) -> str | None:
    """Name the slip that gives the parameters `got`, if one does."""
    lr, eps = hyper["lr"], hyper["eps"]
    with np.errstate(divide="ignore", invalid="ignore"):
        slips = {
            "ε sits under your square root; PyTorch adds it outside: "
            "g / (√v_t + ε)":
                params - lr * grads / np.sqrt(v_new + eps),
            "your step divides by v_t; divide by its square root √v_t":
                params - lr * grads / (v_new + eps),
            "your step uses v_{t-1}, the accumulator before this step; "
            "update v first and divide by √v_t":
                params - lr * grads / (np.sqrt(v_old) + eps),
            "your step goes uphill: subtract η·g / (√v_t + ε) from θ":
                params + lr * grads / (np.sqrt(v_new) + eps),
            "you took a plain gradient step η·g; divide it by √v_t + ε":
                params - lr * grads,
            "you divide by one number for all coordinates; each "
            "coordinate i divides by its own √v_t[i] + ε":
                params - lr * grads / (np.sqrt(np.sum(v_new)) + eps),
        }
    return matching_slip(got, slips, rtol=1e-7, atol=1e-12)


def _steps_check(step: Step, reference: Step, rule: str, hyper: dict
                 ) -> Callable[[], str | None]:
    """A check that runs three steps and compares after each."""

    def check() -> str | None:
        params, v = PARAMS.copy(), np.zeros(3)
        for t, grads in enumerate(GRADS, start=1):
            got = call_on_copies(step, params, grads, v,
                                 returns=("params", "v"), **hyper)
            want = reference(params, grads, v, **hyper)

            diff = first_difference(got[1], want[1])
            if diff is not None:
                slip = _v_slip(got[1], grads, v, hyper)
                return (f"after step {t} your v should be {rule}; "
                        + (slip if slip is not None else diff))
            diff = first_difference(got[0], want[0], rtol=1e-7, atol=1e-12)
            if diff is not None:
                slip = _params_slip(got[0], params, grads, v, want[1],
                                    hyper)
                return (f"after step {t} your v is right but your params "
                        "are wrong: " + (slip if slip is not None
                                         else diff))
            params, v = want
        return None

    return check


def _no_mutation(step: Step, hyper: dict) -> Callable[[], str | None]:
    """A check that the learner's function leaves its inputs alone."""
    inputs = dict(params=PARAMS, grads=GRADS[1], v=np.ones(3))
    hint = "write `v = v + ...`, not `v += ...` or `v[:] = ...`"
    return unchanged_inputs(step, inputs, hint, **hyper)


def check_adagrad_step(step: Step) -> Feedback:
    """Check one AdaGrad step against PyTorch's rule, step by step.

    Args:
        step: the learner's `adagrad_step(params, grads, v, lr, eps)
            -> (params, v)`.

    Returns:
        Feedback: "All checks passed." or the first thing that is wrong.
    """
    hyper = dict(lr=0.1, eps=1e-4)
    return run_checks([
        _steps_check(step, adagrad_step, "v_{t-1} + g_t²", hyper),
        _no_mutation(step, hyper),
    ])


def check_rmsprop_step(step: Step) -> Feedback:
    """Check one RMSProp step against PyTorch's rule, step by step.

    Args:
        step: the learner's `rmsprop_step(params, grads, v, lr, alpha,
            eps) -> (params, v)`.

    Returns:
        Feedback: "All checks passed." or the first thing that is wrong.
    """
    hyper = dict(lr=0.01, alpha=0.9, eps=1e-4)
    return run_checks([
        _steps_check(step, rmsprop_step, "α·v_{t-1} + (1 − α)·g_t²",
                     hyper),
        _no_mutation(step, hyper),
    ])
