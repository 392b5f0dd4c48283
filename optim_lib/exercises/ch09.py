"""Checker for chapter 9, the head-to-head race.

The race runs every learning rate at once by a change of variables:
each of the book's optimizers moves θ by η times a direction built from
the gradients alone, so a run with learning rate η from θ₀ equals a run
with learning rate 1 on φ = θ / η from φ₀ = θ₀ / η, with the gradient
evaluated at θ = η φ. The learner writes that single run,

    rescaled_path(make, loss_and_grad, x0, lr, steps) -> path

where `make(lr)` builds an optimizer and `path` holds θ₀, θ₁, ...,
θ_steps, and the checker compares it with `optim_lib.run(make(lr), ...)`.
"""

from collections.abc import Callable

import numpy as np
from numpy.typing import NDArray

from optim_lib import optimizers, problems
from optim_lib.exercises.feedback import (Feedback, first_difference,
                                          run_checks)
from optim_lib.train import run

Make = Callable[[float], object]
RescaledPath = Callable[..., NDArray]

CASES = (
    ("Adam", lambda lr: optimizers.Adam(lr=lr), problems.Rosenbrock(),
     np.array([-1.2, 1.0]), 0.05),
    ("SGD with momentum",
     lambda lr: optimizers.SGD(lr=lr, momentum=0.9),
     problems.Quadratic.from_condition_number(10.0, angle=0.5),
     np.array([-1.5, 0.5]), 0.3),
    ("AdaGrad", lambda lr: optimizers.AdaGrad(lr=lr), problems.Beale(),
     np.array([1.0, 1.5]), 0.7),
)
STEPS = 6


class _Spy:
    """A `make` that records the learning rates it was called with."""

    def __init__(self, make: Make):
        self.make = make
        self.lrs: list[float] = []

    def __call__(self, lr: float) -> object:
        self.lrs.append(lr)
        return self.make(lr)


def _plain_path(make: Make, loss_and_grad: Callable, x0: NDArray,
                lr: float, steps: int, *, at_phi: bool = False,
                make_lr: float = 1.0) -> NDArray:
    """The rescaled run, optionally with a slip; returns the θ path."""
    opt = make(make_lr)
    phi = x0 / lr
    state = opt.init(phi)
    path = [lr * phi]
    for _ in range(steps):
        _, grads = loss_and_grad(phi if at_phi else lr * phi)
        phi, state = opt.step(phi, grads, state)
        path.append(lr * phi)
    return np.array(path)


def _slip(got: NDArray, want: NDArray, case: tuple) -> str | None:
    """Name the slip that reproduces the learner's path, if one does."""
    _, make, problem, x0, lr = case
    if got.shape == want.shape and \
            first_difference(got, want / lr) is None:
        return ("your path is the reference divided by η: you returned "
                "φ_t; return θ_t = η·φ_t")
    slips = {
        "you took the gradient at φ; the loss is a function of θ, so "
        "evaluate it at θ = η·φ": dict(at_phi=True),
        "your optimizer was built with learning rate η and then run on "
        "φ = θ/η, which scales each step by η twice; build it with "
        "lr = 1": dict(make_lr=lr),
    }
    for message, slip in slips.items():
        try:
            with np.errstate(all="ignore"):
                wrong = _plain_path(make, problem.loss_and_grad, x0, lr,
                                    STEPS, **slip)
        except ValueError:  # the slip itself blew up: not this one
            continue
        if got.shape == wrong.shape and \
                first_difference(got, wrong) is None:
            return message
    return None


def _case_check(rescaled_path: RescaledPath, case: tuple
                ) -> Callable[[], str | None]:
    """A check that one case matches optim_lib.run at learning rate η."""
    def check() -> str | None:
        name, make, problem, x0, lr = case
        spy = _Spy(make)
        got = np.asarray(rescaled_path(spy, problem.loss_and_grad,
                                       x0.copy(), lr, STEPS), dtype=float)
        want = run(make(lr), problem.loss_and_grad, x0, STEPS).params
        where = f"for {name} on {problem.name} with η = {lr:g}, "

        if got.shape != want.shape:
            return (where + f"your path has shape {got.shape}; it should "
                    f"hold θ_0 to θ_{STEPS}, shape {want.shape}")
        diff = first_difference(got, want, rtol=1e-9, atol=1e-12)
        if diff is not None:
            named = _slip(got, want, case)
            if named is not None:
                return where + named
            step = int(np.argmax(~np.isclose(got, want, rtol=1e-9,
                                             atol=1e-12).all(axis=1)))
            return (where + f"your θ_{step} differs from optim_lib.run's: "
                    + first_difference(got[step], want[step], rtol=1e-9,
                                       atol=1e-12))
        if any(value != 1.0 for value in spy.lrs):
            return (where + f"your path is right, but you built the "
                    f"optimizer with lr = {spy.lrs[0]:g}: the point is "
                    f"to build it once with lr = 1 and run it on φ = θ/η")
        return None
    return check


def check_rescaled_path(rescaled_path: RescaledPath) -> Feedback:
    """Check a rescaled run against optim_lib.run on three problems.

    Args:
        rescaled_path: the learner's `rescaled_path(make, loss_and_grad,
            x0, lr, steps)`, returning θ_0, ..., θ_steps as an array of
            shape (steps + 1, d).

    Returns:
        Feedback: "All checks passed." or the first thing that is wrong.
    """
    return run_checks(_case_check(rescaled_path, case) for case in CASES)
