"""Run an optimizer on a problem and keep everything a plot needs.

`run` takes steps and records, for the start and after every step, the
parameters, the loss and the gradient norm. A run that diverges (a loss
or gradient that becomes NaN or infinite) stops there and says why, so
that plots show the path up to the blow-up and no NaN.
"""

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray

from optim_lib import _tree
from optim_lib._tree import Params
from optim_lib.optimizers import clip_grad_norm

__all__ = ["Trajectory", "run"]

LossAndGrad = Callable[[Params], tuple[float, Params]]


@dataclass(frozen=True)
class Trajectory:
    """What a run went through, ready to plot.

    Attributes:
        params: the start and then the parameters after each step: an
            array of shape (k + 1, *x0.shape), or for dict params a dict
            of such arrays, one per key.
        losses: the k + 1 losses at those parameters.
        grad_norms: the k + 1 gradient 2-norms there (before clipping).
        diverged: True if the run stopped at a NaN or infinity.
        reason: why it stopped early, e.g. "loss became inf at step
            37", or None for a run that took all its steps.
    """

    params: NDArray | dict[str, NDArray]
    losses: NDArray
    grad_norms: NDArray
    diverged: bool = False
    reason: str | None = None

    @property
    def steps(self) -> int:
        """The number of steps taken, k."""
        return len(self.losses) - 1

    @property
    def final(self) -> Params:
        """The parameters after the last step (the start if k = 0)."""
        return _tree.map_leaves(lambda path: path[-1], self.params)


def run(optimizer: Any, loss_and_grad: LossAndGrad, x0: Params,
        steps: int, *, max_grad_norm: float | None = None) -> Trajectory:
    """Take up to `steps` steps of `optimizer` from x0; record the path.

    Args:
        optimizer: an optimizer from `optim_lib.optimizers`.
        loss_and_grad: params -> (loss, grads), e.g. a problem's method.
        x0: the starting parameters, an array or a dict of arrays.
        steps: how many steps to take, an integer >= 0.
        max_grad_norm: if given, clip the gradients to this global norm
            before each step (see `optimizers.clip_grad_norm`).

    Returns:
        A `Trajectory`. If a loss or a gradient becomes NaN or infinite,
        the run stops: the trajectory ends at the last point where both
        were finite, `diverged` is True and `reason` says where. NumPy's
        overflow warnings inside loss_and_grad are silenced, since
        `reason` reports the blow-up.

    Raises:
        ValueError: if steps < 0, or the loss or gradient at x0 is not
            finite.

    Example:
        >>> from optim_lib import optimizers, problems
        >>> problem = problems.Quadratic.from_eigenvalues([1.0, 10.0])
        >>> opt = optimizers.SGD(lr=0.05)
        >>> path = run(opt, problem.loss_and_grad, [1.0, 1.0], steps=20)
        >>> path.params.shape, path.diverged
        ((21, 2), False)
    """
    if not (isinstance(steps, int) and steps >= 0):
        raise ValueError(f"steps must be an integer >= 0, got {steps!r}")
    params = _tree.map_leaves(np.array, _tree.as_params(x0, "x0"))
    state = optimizer.init(params)
    path, losses, norms, reason = [], [], [], None

    for t in range(steps + 1):
        with np.errstate(over="ignore", invalid="ignore"):
            loss, grads = loss_and_grad(params)
            norm = _tree.global_norm(grads)
        reason = _not_finite(float(loss), norm)
        if reason and t == 0:
            raise ValueError(f"x0 must have a finite loss and gradient, "
                             f"but there the {reason}")
        if reason:
            reason = f"{reason} at step {t}"
            break
        path.append(params)
        losses.append(float(loss))
        norms.append(norm)
        if t < steps:
            if max_grad_norm is not None:
                grads, _ = clip_grad_norm(grads, max_grad_norm)
            params, state = optimizer.step(params, grads, state)

    return Trajectory(_stack(path), np.array(losses), np.array(norms),
                      diverged=reason is not None, reason=reason)


def _not_finite(loss: float, norm: float) -> str | None:
    """Why the run must stop here, or None if it may go on."""
    if not math.isfinite(loss):
        return f"loss became {loss}"
    if not math.isfinite(norm):
        return f"gradient norm became {norm}"
    return None


def _stack(path: list[Params]) -> NDArray | dict[str, NDArray]:
    """Turn a list of params into arrays with a leading step axis."""
    if isinstance(path[0], dict):
        return {key: np.stack([p[key] for p in path]) for key in path[0]}
    return np.stack(path)
