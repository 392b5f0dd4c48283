"""Checker for chapter 6, momentum: one step of SGD with momentum.

The learner writes one step in PyTorch's form,

    momentum_step(params, grads, buf, lr, momentum, nesterov=False)
        -> (params, buf)

with `buf` the momentum buffer b_{t-1} before the step (zeros before
the first step):

    b_t = μ b_{t-1} + g_t
    θ_t = θ_{t-1} − η b_t                 (heavy ball)
    θ_t = θ_{t-1} − η (g_t + μ b_t)       (nesterov=True)

η is `lr` and μ is `momentum`. The checker runs a few steps against the
reference below and, when a number is wrong, tries the usual slips (the
exponential-average buffer, η inside the buffer, ...) to name the one
that was made.
"""

from collections.abc import Callable

import numpy as np
from numpy.typing import NDArray

from optim_lib.exercises.feedback import (Feedback, call_on_copies,
                                          first_difference, matching_slip,
                                          run_checks, unchanged_inputs)

Step = Callable[..., tuple[NDArray, NDArray]]
LR, MOMENTUM = 0.05, 0.9

PARAMS = np.array([1.0, -2.0, 0.5])
GRADS = (np.array([0.4, -1.0, 2.0]), np.array([-0.2, 0.5, 3.0]),
         np.array([0.1, 0.3, -1.5]))


def momentum_step(params: NDArray, grads: NDArray, buf: NDArray,
                  lr: float, momentum: float, nesterov: bool = False
                  ) -> tuple[NDArray, NDArray]:
    """The reference: one step of SGD with momentum, as in torch.optim.

        b_t = μ b_{t-1} + g_t
        θ_t = θ_{t-1} − η b_t,  or  θ_t = θ_{t-1} − η (g_t + μ b_t)

    Args:
        params, grads, buf: θ_{t-1}, g_t and b_{t-1} (zeros at first).
        lr: the learning rate η.
        momentum: the momentum coefficient μ.
        nesterov: take Nesterov's step, η (g_t + μ b_t).

    Returns:
        (θ_t, b_t) as new arrays.

    Example:
        >>> momentum_step(np.ones(2), np.ones(2), np.zeros(2), 0.5, 0.9)
        (array([0.5, 0.5]), array([1., 1.]))
    """
    buf = momentum * buf + grads
    direction = grads + momentum * buf if nesterov else buf
    return params - lr * direction, buf


def _buffer_slip(got: NDArray, grads: NDArray, buf: NDArray,
                 hyper: dict) -> str | None:
    """Name the slip that gives the buffer `got`, if one does."""
    lr, mu = hyper["lr"], hyper["momentum"]
    slips = {
        "that is the exponential average μ·b + (1 − μ)·g; PyTorch's "
        "buffer adds the whole gradient: b_t = μ·b_{t-1} + g_t":
            mu * buf + (1 - mu) * grads,
        "you multiplied the gradient by η inside the buffer (the form of "
        "Sutskever et al.); keep η out: b_t = μ·b_{t-1} + g_t":
            mu * buf + lr * grads,
        "your buffer forgets the past: multiply b_{t-1} by μ and add g_t":
            grads,
        "your buffer keeps all of b_{t-1}: multiply it by μ before "
        "adding g_t":
            buf + grads,
    }
    return matching_slip(got, slips)


def _params_slip(got: NDArray, params: NDArray, grads: NDArray,
                 buf: NDArray, hyper: dict) -> str | None:
    """Name the slip that gives the parameters `got`, if one does."""
    lr, mu = hyper["lr"], hyper["momentum"]
    new_buf = mu * buf + grads
    plain = params - lr * new_buf
    nesterov = params - lr * (grads + mu * new_buf)
    if first_difference(got, 2 * params - plain) is None or \
            first_difference(got, 2 * params - nesterov) is None:
        return "your step goes uphill: subtract η times the direction"
    if hyper["nesterov"] and first_difference(got, plain) is None:
        return ("with nesterov=True the step is η·(g_t + μ·b_t), not "
                "η·b_t: Nesterov steps along the gradient plus μ times "
                "the new buffer")
    if not hyper["nesterov"] and first_difference(got, nesterov) is None:
        return ("you took Nesterov's step η·(g_t + μ·b_t); with "
                "nesterov=False the step is η·b_t")
    if first_difference(got, params - lr * grads) is None:
        return ("your parameters moved by η·g_t only: step along the "
                "buffer b_t instead")
    return None


def _buffer_message(t: int, got: NDArray, want: NDArray, grads: NDArray,
                    buf: NDArray, hyper: dict) -> str | None:
    """Say what is wrong with b_t, naming the likely slip."""
    diff = first_difference(got, want)
    if diff is None:
        return None
    expected = ("equal the gradient g_1" if t == 1 else
                f"be μ·b_{t - 1} + g_{t}")
    where = f"after step {t} your momentum buffer should {expected}; "
    slip = _buffer_slip(got, grads, buf, hyper)
    return where + (slip if slip is not None else diff)


def _steps_check(step: Step, steps: int, hyper: dict
                 ) -> Callable[[], str | None]:
    """A check that runs `steps` steps and compares after each."""
    kind = "Nesterov step" if hyper["nesterov"] else "step"

    def check() -> str | None:
        params, buf = PARAMS.copy(), np.zeros(3)
        for t, grads in enumerate(GRADS[:steps], start=1):
            got = call_on_copies(step, params, grads, buf,
                                 returns=("params", "buf"), **hyper)
            want = momentum_step(params, grads, buf, **hyper)

            problem = _buffer_message(t, got[1], want[1], grads, buf, hyper)
            if problem is not None:
                return problem
            diff = first_difference(got[0], want[0])
            if diff is not None:
                slip = _params_slip(got[0], params, grads, buf, hyper)
                return (f"after {kind} {t} your buffer is right but your "
                        f"params are wrong: "
                        + (slip if slip is not None else diff))
            params, buf = want
        return None

    return check


def check_momentum_step(step: Step) -> Feedback:
    """Check one step of SGD with momentum against PyTorch's rule.

    Args:
        step: the learner's `momentum_step(params, grads, buf, lr,
            momentum, nesterov=False) -> (params, buf)`.

    Returns:
        Feedback: "All checks passed." or the first thing that is wrong.
    """
    heavy = dict(lr=LR, momentum=MOMENTUM, nesterov=False)
    nesterov = dict(lr=LR, momentum=MOMENTUM, nesterov=True)
    inputs = dict(params=PARAMS, grads=GRADS[1], buf=np.ones(3))
    hint = "write `buf = ...`, not `buf *= ...` or `buf[:] = ...`"
    return run_checks([
        _steps_check(step, 1, heavy),
        _steps_check(step, 3, heavy),
        _steps_check(step, 3, nesterov),
        unchanged_inputs(step, inputs, hint, **heavy),
    ])
