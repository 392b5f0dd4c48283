"""Checker for chapter 5, stochastic gradient descent: one shuffled epoch.

The learner writes `minibatches(n, batch_size, rng)`: the minibatches of
one epoch over data points 0, …, n − 1. The points are shuffled with
`rng`, then cut into consecutive batches of `batch_size` indices; the
last batch holds the n mod batch_size points left over, if any. Every
point appears exactly once, as in PyTorch's
`DataLoader(..., shuffle=True)` with `drop_last=False`.
"""

from collections.abc import Callable, Sequence

import numpy as np
from numpy.typing import NDArray

from optim_lib.exercises.feedback import Feedback, run_checks

Minibatches = Callable[[int, int, np.random.Generator], Sequence[NDArray]]

# (n, batch_size): divisible, a remainder, one batch, single points.
CASES = ((12, 4), (10, 3), (7, 7), (5, 1))


def minibatches(n: int, batch_size: int, rng: np.random.Generator
                ) -> list[NDArray]:
    """The reference: a shuffled epoch cut into minibatches.

    Args:
        n: the number of data points, >= 1.
        batch_size: the minibatch size |B|, >= 1.
        rng: the generator that shuffles.

    Returns:
        A list of ceil(n / batch_size) integer index arrays that together
        hold each of 0, …, n − 1 exactly once.

    Example:
        >>> batches = minibatches(5, 2, np.random.default_rng(0))
        >>> [len(batch) for batch in batches]
        [2, 2, 1]
    """
    order = rng.permutation(n)
    return [order[start:start + batch_size]
            for start in range(0, n, batch_size)]


def check_minibatches(learner: Minibatches) -> Feedback:
    """Check a learner's `minibatches(n, batch_size, rng)`.

    Returns:
        Feedback naming the first problem: the container, the batch
        sizes, a point missing or repeated, an order that does not
        depend on `rng`, or randomness that does not come from `rng`.
    """
    checks = [_check_case(learner, n, size) for n, size in CASES]
    checks += [_check_uses_rng(learner), _check_only_rng(learner)]
    return run_checks(checks)


def _batches(learner: Minibatches, n: int, size: int, seed: int
             ) -> list[NDArray]:
    """The learner's batches for one case, as a list of arrays."""
    return [np.asarray(batch) for batch in
            learner(n, size, np.random.default_rng(seed))]


def _check_case(learner: Minibatches, n: int, size: int
                ) -> Callable[[], str | None]:
    """A check of the structure of one epoch: sizes and coverage."""

    def check() -> str | None:
        where = f"With n = {n} and batch_size = {size}"
        batches = _batches(learner, n, size, seed=0)
        problem = _sizes_problem(batches, n, size)
        if problem:
            return f"{where}, {problem}"
        if not all(np.issubdtype(b.dtype, np.integer) for b in batches):
            return (f"{where}, your batches should hold integer indices "
                    "(for example from rng.permutation(n)); got "
                    f"dtype {batches[0].dtype}.")
        return _coverage_problem(np.concatenate(batches), n, where)

    return check


def _sizes_problem(batches: list[NDArray], n: int, size: int
                   ) -> str | None:
    """Describe a wrong number of batches or a wrong batch size."""
    want = [size] * (n // size) + ([n % size] if n % size else [])
    got = [b.size if b.ndim == 1 else None for b in batches]
    if None in got:
        index = got.index(None)
        return (f"batch {index} should be a 1-D array of indices; got "
                f"shape {batches[index].shape}.")
    if len(got) != len(want):
        return (f"there should be {len(want)} batches (sizes {want}); "
                f"you made {len(got)} (sizes {got}).")
    for index, (g, w) in enumerate(zip(got, want)):
        if g != w:
            last = " (the last one holds the points left over)" \
                if index == len(want) - 1 else ""
            return (f"batch {index} should hold {w} indices{last}; "
                    f"it holds {g}.")
    return None


def _coverage_problem(indices: NDArray, n: int, where: str) -> str | None:
    """Say which index is out of range, repeated or missing."""
    outside = indices[(indices < 0) | (indices >= n)]
    if outside.size:
        return (f"{where}, index {outside[0]} is not a data point: "
                f"indices run from 0 to {n - 1}.")
    counts = np.bincount(indices, minlength=n)
    if (counts > 1).any():
        index = int(np.argmax(counts > 1))
        return (f"{where}, index {index} appears {counts[index]} times; "
                "in one epoch every point appears exactly once. Shuffle "
                "the indices (rng.permutation(n)) instead of drawing "
                "them independently.")
    if (counts == 0).any():
        index = int(np.argmax(counts == 0))
        return f"{where}, index {index} never appears in the epoch."
    return None


def _check_uses_rng(learner: Minibatches) -> Callable[[], str | None]:
    """A check that the order is shuffled, and by the rng given."""

    def check() -> str | None:
        orders = [np.concatenate(_batches(learner, 20, 5, seed))
                  for seed in (1, 2)]
        if np.array_equal(orders[0], np.arange(20)):
            return ("Your epoch visits the points in their stored order "
                    "0, 1, 2, ...; shuffle them first with "
                    "rng.permutation(n).")
        if np.array_equal(*orders):
            return ("Two generators with different seeds gave the same "
                    "order: shuffle with the rng argument, so every "
                    "epoch gets a new order.")
        return None

    return check


def _check_only_rng(learner: Minibatches) -> Callable[[], str | None]:
    """A check that the same seed gives the same epoch."""

    def check() -> str | None:
        orders = [np.concatenate(_batches(learner, 20, 5, seed=3))
                  for _ in range(2)]
        if not np.array_equal(*orders):
            return ("Two generators with the same seed gave different "
                    "orders: draw all randomness from the rng argument, "
                    "not from np.random or the random module, so that "
                    "runs can be repeated.")
        return None

    return check
