"""Checkers for chapter 8, Adam and AdamW.

The learner writes one step of Adam (and of AdamW) as a function

    adam_step(params, grads, m, v, t, lr, betas, eps)
        -> (params, m, v)
    adamw_step(params, grads, m, v, t, lr, betas, eps, weight_decay)
        -> (params, m, v)

where `m` and `v` are the moments m_{t-1}, v_{t-1} before the step and
`t` is the number of this step (1 on the first). The checkers run it on
small cases against the reference below and, when a number is wrong,
try the usual slips (no bias correction, ε under the square root, L2
penalty instead of decoupled decay, ...) to name the one that was made.
"""

from collections.abc import Callable

import numpy as np
from numpy.typing import NDArray

from optim_lib.exercises.feedback import (Feedback, call_on_copies,
                                          first_difference, matching_slip,
                                          run_checks, unchanged_inputs)

Step = Callable[..., tuple[NDArray, NDArray, NDArray]]
BETAS = (0.9, 0.999)

# Index 2 holds a gradient as small as ε, where ε's place shows.
PARAMS = np.array([1.0, -2.0, 0.5])
GRADS = (np.array([0.3, -4.0, 2e-8]), np.array([-0.1, -3.0, 1e-8]),
         np.array([0.2, 1.0, -3e-8]), np.array([0.5, -2.0, 2e-8]))


def reference_adam_step(params: NDArray, grads: NDArray, m: NDArray,
                        v: NDArray, t: int, lr: float = 1e-3,
                        betas: tuple[float, float] = BETAS,
                        eps: float = 1e-8, *, bias_correction: bool = True,
                        eps_inside: bool = False
                        ) -> tuple[NDArray, NDArray, NDArray]:
    """One Adam step as PyTorch takes it, or with a chosen slip.

        m_t = β₁ m_{t-1} + (1 − β₁) g_t,  v_t = β₂ v_{t-1} + (1 − β₂) g_t²
        m̂_t = m_t / (1 − β₁ᵗ),            v̂_t = v_t / (1 − β₂ᵗ)
        θ_t = θ_{t-1} − η m̂_t / (√v̂_t + ε)

    Args:
        params, grads, m, v: θ_{t-1}, g_t, m_{t-1}, v_{t-1}.
        t: the number of this step, from 1.
        lr, betas, eps: η, (β₁, β₂), ε.
        bias_correction: False skips the division by 1 − βᵗ.
        eps_inside: True divides by √(v̂_t + ε) instead.

    Returns:
        (θ_t, m_t, v_t) as new arrays.
    """
    beta1, beta2 = betas
    m = beta1 * m + (1 - beta1) * grads
    v = beta2 * v + (1 - beta2) * grads ** 2

    m_hat, v_hat = m, v
    if bias_correction:
        m_hat = m / (1 - beta1 ** t)
        v_hat = v / (1 - beta2 ** t)

    denom = np.sqrt(v_hat + eps) if eps_inside else np.sqrt(v_hat) + eps
    return params - lr * m_hat / denom, m, v


def reference_adamw_step(params: NDArray, grads: NDArray, m: NDArray,
                         v: NDArray, t: int, lr: float = 1e-3,
                         betas: tuple[float, float] = BETAS,
                         eps: float = 1e-8, weight_decay: float = 1e-2
                         ) -> tuple[NDArray, NDArray, NDArray]:
    """One AdamW step: θ shrinks by η·λ·θ_{t-1}, then an Adam step.

        θ' = θ_{t-1} (1 − η λ),   θ_t = θ' − η m̂_t / (√v̂_t + ε)
    """
    shrunk = params * (1 - lr * weight_decay)
    return reference_adam_step(shrunk, grads, m, v, t, lr, betas, eps)


def _moments_message(t: int, got: tuple, want: tuple, grads: NDArray,
                     betas: tuple[float, float]) -> str | None:
    """Say what is wrong with m_t or v_t, naming the likely slip."""
    beta1, beta2 = betas
    diff = first_difference(got[1], want[1])
    if diff is not None:
        if t == 1 and first_difference(got[1], grads) is None:
            return ("after step 1 your first moment m equals the gradient "
                    "g; Adam's m starts at 0 and the gradient enters with "
                    f"weight (1 − β₁), so m_1 = (1 − β₁)·g = "
                    f"{1 - beta1:g}·g")
        return (f"after step {t} your first moment m should be "
                f"β₁·m + (1 − β₁)·g; {diff}")
    diff = first_difference(got[2], want[2])
    if diff is not None:
        if t == 1 and first_difference(got[2], (1 - beta2)
                                        * np.abs(grads)) is None:
            return ("after step 1 your second moment v averages |g|; it "
                    "should average the squared gradient g², so "
                    "v_1 = (1 − β₂)·g²")
        return (f"after step {t} your second moment v should be "
                f"β₂·v + (1 − β₂)·g²; {diff}")
    return None


def _params_message(t: int, got: NDArray, diff: str) -> str:
    """Say where θ_t is wrong, or that it is not finite."""
    where = f"after step {t} your params are wrong: "
    if not np.isfinite(got).all():
        hint = (" (on step 1, a bias correction 1 − β⁰ = 0 would do "
                "that: the exponent is t, which starts at 1)"
                if t == 1 else "")
        return where + "they contain nan or inf" + hint
    return where + diff


def _same(got: NDArray, wrong: NDArray) -> bool:
    """Whether the learner's θ_t equals a slip's θ_t."""
    return first_difference(got, wrong, rtol=1e-7, atol=1e-12) is None


def _adam_slip(got: tuple, args: tuple, hyper: dict) -> str | None:
    """Name the Adam slip that reproduces the learner's θ_t, if one does."""
    slips = {
        "you divide m by √v without the bias correction; Adam divides "
        "m̂ = m / (1 − β₁ᵗ) by √v̂ with v̂ = v / (1 − β₂ᵗ)":
            dict(bias_correction=False),
        "ε sits under your square root; Adam adds it outside, to √v̂":
            dict(eps_inside=True),
    }
    for message, slip in slips.items():
        if _same(got[0], reference_adam_step(*args, **hyper, **slip)[0]):
            return "your params are wrong: " + message
    params, grads, m, v, t = args
    right = reference_adam_step(*args, **hyper)[0]
    if _same(got[0], 2 * params - right):
        return ("your params are wrong: your step goes uphill; subtract "
                "η·m̂/(√v̂ + ε) from θ")
    for power in (t - 1, t + 1):
        if power == 0:
            continue
        wrong = reference_adam_step(params, grads, m, v, power, **hyper)
        if _same(got[0], wrong[0]):
            return (f"your params are wrong: your bias correction uses "
                    f"β^{power} on step {t}; the exponent is the number "
                    f"of this step, 1 on the first")
    return None


def _step_check(step: Step, reference: Step, slip: Callable, steps: int,
                hyper: dict) -> Callable[[], str | None]:
    """A check that runs `steps` steps and compares after each."""
    def check() -> str | None:
        params, m, v = PARAMS.copy(), np.zeros(3), np.zeros(3)
        for t, grads in enumerate(GRADS[:steps], start=1):
            args = (params, grads, m, v, t)
            got = call_on_copies(step, *args, returns=("params", "m", "v"),
                                 **hyper)
            want = reference(*args, **hyper)

            diff = first_difference(got[0], want[0], rtol=1e-7, atol=1e-12)
            problem = _moments_message(t, got, want, grads, hyper["betas"])
            if diff is None and problem is None:
                params, m, v = want
                continue
            named = slip(got, args, hyper)
            if named is not None:
                return f"after step {t} {named}"
            return problem or _params_message(t, got[0], diff)
        return None
    return check


def _no_mutation(step: Step, hyper: dict) -> Callable[[], str | None]:
    """A check that the learner's function leaves its inputs alone."""
    inputs = dict(params=PARAMS, grads=GRADS[0], m=np.full(3, 0.1),
                  v=np.full(3, 0.2))
    hint = "write `m = ...`, not `m[:] = ...` or `m *= ...`"
    t = 2  # after the first step, with m and v not zero
    return unchanged_inputs(step, inputs, hint, t, **hyper)


def check_adam_step(adam_step: Step) -> Feedback:
    """Check one Adam step against PyTorch's rule, step by step.

    Args:
        adam_step: the learner's `adam_step(params, grads, m, v, t, lr,
            betas, eps) -> (params, m, v)`.

    Returns:
        Feedback: "All checks passed." or the first thing that is wrong.
    """
    default = dict(lr=1e-3, betas=BETAS, eps=1e-8)
    other = dict(lr=0.05, betas=(0.8, 0.99), eps=1e-6)
    return run_checks([
        _step_check(adam_step, reference_adam_step, _adam_slip, 1, default),
        _step_check(adam_step, reference_adam_step, _adam_slip, 4, default),
        _step_check(adam_step, reference_adam_step, _adam_slip, 4, other),
        _no_mutation(adam_step, default),
    ])


def _adamw_slip(got: tuple, args: tuple, hyper: dict) -> str | None:
    """Name the AdamW slip that reproduces the learner's step, if one does."""
    params, grads, m, v, t = args
    lam, lr = hyper["weight_decay"], hyper["lr"]
    adam = dict(lr=lr, betas=hyper["betas"], eps=hyper["eps"])
    l2 = reference_adam_step(params, grads + lam * params, m, v, t, **adam)
    if all(first_difference(a, b) is None for a, b in zip(got, l2)):
        return ("your moments and params are wrong: you added λ·θ to the "
                "gradient, which is Adam's L2 penalty; AdamW leaves g "
                "alone and shrinks θ directly, θ ← θ·(1 − η·λ), before "
                "the Adam step")
    plain = reference_adam_step(params, grads, m, v, t, **adam)[0]
    decays = {
        "your step has no weight decay at all; shrink θ by η·λ·θ":
            plain,
        "your decay subtracts λ·θ; PyTorch's AdamW multiplies it by the "
        "learning rate: θ ← θ·(1 − η·λ)":
            plain - lam * params,
        "you shrink θ after the Adam step; AdamW shrinks θ_{t-1}, the "
        "parameters before this step, then takes the step":
            plain * (1 - lr * lam),
    }
    named = matching_slip(got[0], decays, rtol=1e-7, atol=1e-12)
    if named is not None:
        return "your params are wrong: " + named
    shrunk = params * (1 - lr * lam)
    return _adam_slip(got, (shrunk, grads, m, v, t), adam)


def check_adamw_step(adamw_step: Step) -> Feedback:
    """Check one AdamW step against PyTorch's rule, step by step.

    Args:
        adamw_step: the learner's `adamw_step(params, grads, m, v, t, lr,
            betas, eps, weight_decay) -> (params, m, v)`.

    Returns:
        Feedback: "All checks passed." or the first thing that is wrong.
    """
    # A large η·λ, so that every slip moves θ well beyond rounding.
    hyper = dict(lr=0.1, betas=BETAS, eps=1e-8, weight_decay=0.5)
    return run_checks([
        _step_check(adamw_step, reference_adamw_step, _adamw_slip, 1,
                    hyper),
        _step_check(adamw_step, reference_adamw_step, _adamw_slip, 4,
                    hyper),
        _no_mutation(adamw_step, hyper),
    ])
