"""Derivative-free search: guess parameters, keep the best guess.

Random search draws candidates θ uniformly from a box low ≤ θ ≤ high;
grid search tries the centres of a regular grid over the same box. Both
evaluate the loss once per candidate and remember the best so far, so
their cost is simply the number of loss evaluations. That count is the
book's common currency for comparing methods:

- one loss evaluation f(θ) costs 1;
- a gradient by central differences costs 2d evaluations (two per
  coordinate), by forward differences d (reusing f(θ));
- an analytic gradient by backpropagation costs about
  `ANALYTIC_GRADIENT_COST` = 2 evaluations whatever d is, so a loss and
  its gradient together cost about 3 (see `gradient_cost`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

ANALYTIC_GRADIENT_COST = 2
MAX_GRID_EVALUATIONS = 10_000_000
GRADIENT_METHODS = ("central", "forward", "analytic")

LossFn = Callable[[NDArray], float | NDArray]


@dataclass(frozen=True, repr=False)
class SearchResult:
    """What a search found and what it cost.

    Attributes:
        params: the best candidate θ found, shape (d,).
        loss: its loss f(θ).
        evaluations: how many times the loss was evaluated.
        history: the best loss so far after each evaluation, shape
            (evaluations,); `history[k - 1]` is min of the first k losses.
        candidates: every θ evaluated, in order, shape (evaluations, d).
        losses: the loss of each candidate, shape (evaluations,).
    """

    params: NDArray
    loss: float
    evaluations: int
    history: NDArray
    candidates: NDArray
    losses: NDArray

    def __repr__(self) -> str:
        return (f"SearchResult(loss={self.loss:.4g}, "
                f"evaluations={self.evaluations})")


class CountedLoss:
    """A loss function that counts how often it is evaluated.

    Calling it with θ of shape (d,) counts 1; with a stack of shape
    (d, n) it counts n, one per point.

    Args:
        loss: the function to wrap, e.g. `problem.loss`.

    Example:
        >>> counted = CountedLoss(lambda theta: float(theta @ theta))
        >>> counted(np.ones(2)), counted.count
        (2.0, 1)
    """

    def __init__(self, loss: LossFn):
        if not callable(loss):
            raise ValueError(f"loss must be callable; got {loss!r}")
        self.loss = loss
        self.count = 0

    def __call__(self, params: ArrayLike) -> float | NDArray:
        theta = np.asarray(params, dtype=float)
        self.count += int(np.prod(theta.shape[1:])) if theta.ndim > 1 else 1
        return self.loss(theta)

    def reset(self) -> None:
        """Set the count back to zero."""
        self.count = 0


def gradient_cost(dim: int, method: str = "central") -> int:
    """What one gradient ∇f(θ) costs, in loss evaluations.

    - "central": (f(θ + h eᵢ) − f(θ − h eᵢ)) / 2h for each of the d
      coordinates, 2d evaluations;
    - "forward": (f(θ + h eᵢ) − f(θ)) / h, d evaluations (f(θ) itself is
      counted separately, as it is usually needed anyway);
    - "analytic": backpropagation gives all d partial derivatives for
      about twice the work of one evaluation, whatever d: we charge
      `ANALYTIC_GRADIENT_COST` = 2. This is a convention, not a
      measurement; the true factor depends on the code, but it is a
      small constant, never growing with d.

    Args:
        dim: d, the number of parameters, >= 1.
        method: "central", "forward" or "analytic".

    Returns:
        The number of loss evaluations charged for one gradient.

    Raises:
        ValueError: if dim < 1 or method is unknown.

    Example:
        >>> gradient_cost(6), gradient_cost(6, "analytic")
        (12, 2)
    """
    if int(dim) != dim or dim < 1:
        raise ValueError(f"dim must be a whole number >= 1; got {dim!r}")
    if method not in GRADIENT_METHODS:
        raise ValueError(f"method must be one of {GRADIENT_METHODS}; got "
                         f"{method!r}")
    costs = {"central": 2 * int(dim), "forward": int(dim),
             "analytic": ANALYTIC_GRADIENT_COST}
    return costs[method]


def bounds_to_box(bounds: Sequence[Sequence[float]]
                  ) -> tuple[NDArray, NDArray]:
    """((xmin, xmax), (ymin, ymax), ...) as arrays `low`, `high`.

    Example:
        >>> bounds_to_box(((-1, 5), (-4, 6)))
        (array([-1., -4.]), array([5., 6.]))
    """
    pairs = np.asarray(bounds, dtype=float)
    if pairs.ndim != 2 or pairs.shape[1] != 2:
        raise ValueError(f"bounds must be a sequence of (low, high) pairs; "
                         f"got shape {pairs.shape}")
    return pairs[:, 0].copy(), pairs[:, 1].copy()


def _check_box(low: ArrayLike, high: ArrayLike) -> tuple[NDArray, NDArray]:
    """low and high as 1-D float arrays of one length, low < high."""
    low = np.atleast_1d(np.asarray(low, dtype=float))
    high = np.atleast_1d(np.asarray(high, dtype=float))
    if low.ndim != 1 or low.size == 0 or low.shape != high.shape:
        raise ValueError(f"low and high must be 1-D arrays of one length "
                         f"d >= 1; got shapes {low.shape} and {high.shape}")
    if not (np.isfinite(low).all() and np.isfinite(high).all()):
        raise ValueError("low and high must be finite numbers")
    if not (low < high).all():
        bad = int(np.argmin(low < high))
        raise ValueError(f"low must be below high in every coordinate; at "
                         f"index {bad} low={low[bad]:g} >= "
                         f"high={high[bad]:g}")
    return low, high


def _check_count(value: int, name: str) -> int:
    """A whole number >= 1, or a ValueError naming the argument."""
    if isinstance(value, bool) or int(value) != value or value < 1:
        raise ValueError(f"{name} must be a whole number >= 1; got "
                         f"{value!r}")
    return int(value)


def _evaluate(loss: LossFn, candidates: NDArray, vectorized: bool
              ) -> NDArray:
    """The loss of each row of `candidates`, shape (m,)."""
    if vectorized:
        values = np.asarray(loss(candidates.T), dtype=float)
    else:
        values = np.array([loss(theta) for theta in candidates],
                          dtype=float)
    if values.shape != (len(candidates),):
        raise ValueError(f"loss must return one number per candidate; got "
                         f"shape {values.shape} for {len(candidates)}")
    return values


def _search(loss: LossFn, chunks, tol: float | None, vectorized: bool
            ) -> SearchResult:
    """Evaluate chunks of candidates; stop at the first loss <= tol."""
    seen, values = [], []
    for candidates in chunks:
        seen.append(candidates)
        values.append(_evaluate(loss, candidates, vectorized))
        if tol is not None and values[-1].min() <= tol:
            break
    candidates = np.concatenate(seen)
    losses = np.concatenate(values)
    if tol is not None and losses.min() <= tol:
        stop = int(np.argmax(losses <= tol)) + 1
        candidates, losses = candidates[:stop], losses[:stop]

    history = np.minimum.accumulate(losses)
    best = int(np.argmin(losses))
    return SearchResult(params=candidates[best].copy(),
                        loss=float(losses[best]), evaluations=len(losses),
                        history=history, candidates=candidates,
                        losses=losses)


def random_search(loss: LossFn, low: ArrayLike, high: ArrayLike,
                  n_samples: int, rng: np.random.Generator, *,
                  tol: float | None = None, vectorized: bool = False,
                  chunk_size: int = 4096) -> SearchResult:
    """Draw θ ~ Uniform(low, high) n times; keep the lowest loss.

        θ_k ~ U([low₁, high₁] × … × [low_d, high_d]),
        best after k draws: min_{j ≤ k} f(θ_j)

    Args:
        loss: f, called with θ of shape (d,); or, if `vectorized`, with a
            stack of shape (d, m) returning m losses (the problems'
            `loss` does both).
        low: lower corner of the box, shape (d,).
        high: upper corner, shape (d,), above `low` everywhere.
        n_samples: the budget: at most this many evaluations, >= 1.
        rng: the only source of randomness.
        tol: if given, stop at the first candidate with f(θ) <= tol.
        vectorized: evaluate candidates in stacks (fast; same result).
        chunk_size: candidates drawn per stack; the draws, and hence the
            result, do not depend on it.

    Returns:
        A `SearchResult`.

    Raises:
        ValueError: if low/high are malformed or low >= high somewhere,
            n_samples or chunk_size < 1, or rng is not a Generator.

    Example:
        >>> rng = np.random.default_rng(0)
        >>> result = random_search(lambda t: float(t @ t), [-1, -1],
        ...                        [1, 1], 100, rng)
        >>> result.evaluations, bool(result.loss < 0.05)
        (100, True)
    """
    low, high = _check_box(low, high)
    n_samples = _check_count(n_samples, "n_samples")
    chunk_size = _check_count(chunk_size, "chunk_size")
    if not isinstance(rng, np.random.Generator):
        raise ValueError(f"rng must be a numpy Generator, e.g. "
                         f"np.random.default_rng(0); got {rng!r}")

    def chunks():
        for start in range(0, n_samples, chunk_size):
            size = min(chunk_size, n_samples - start)
            yield rng.uniform(low, high, size=(size, low.size))

    return _search(loss, chunks(), tol, vectorized)


def grid_points(low: ArrayLike, high: ArrayLike, points_per_axis: int
                ) -> list[NDArray]:
    """The grid coordinates along each axis: centres of k equal cells.

    Along axis i the points are lowᵢ + (j + ½)(highᵢ − lowᵢ)/k for
    j = 0, …, k − 1, so k = 1 probes the middle of the box and no
    evaluation is spent on its edges.
    """
    low, high = _check_box(low, high)
    k = _check_count(points_per_axis, "points_per_axis")
    centres = (np.arange(k) + 0.5) / k
    return [lo + (hi - lo) * centres for lo, hi in zip(low, high)]


def grid_search(loss: LossFn, low: ArrayLike, high: ArrayLike,
                points_per_axis: int, *, tol: float | None = None,
                vectorized: bool = False, chunk_size: int = 4096
                ) -> SearchResult:
    """Evaluate f at every point of a k × … × k grid; keep the best.

    The grid has k^d points (see `grid_points`), visited in row-major
    order (the last coordinate changes fastest).

    Args:
        loss: f, as in `random_search`.
        low, high: the box, shape (d,) each, low < high.
        points_per_axis: k >= 1.
        tol: if given, stop at the first point with f(θ) <= tol.
        vectorized: evaluate points in stacks (fast; same result).
        chunk_size: points per stack.

    Returns:
        A `SearchResult` with k^d evaluations (fewer if `tol` stopped it).

    Raises:
        ValueError: for a malformed box, k or chunk_size < 1, or k^d above
            `MAX_GRID_EVALUATIONS` (ten million).

    Example:
        >>> result = grid_search(lambda t: float(t @ t), [-1, -1], [1, 1], 3)
        >>> result.evaluations, result.params
        (9, array([0., 0.]))
    """
    axes = grid_points(low, high, points_per_axis)
    chunk_size = _check_count(chunk_size, "chunk_size")
    k, d = len(axes[0]), len(axes)
    total = k ** d
    if total > MAX_GRID_EVALUATIONS:
        raise ValueError(f"points_per_axis**d = {k}**{d} = {total} exceeds "
                         f"the limit of {MAX_GRID_EVALUATIONS} evaluations")
    coords = np.stack(axes)

    def chunks():
        for start in range(0, total, chunk_size):
            flat = np.arange(start, min(start + chunk_size, total))
            index = np.unravel_index(flat, (k,) * d)
            yield coords[np.arange(d)[:, None], np.stack(index)].T

    return _search(loss, chunks(), tol, vectorized)


def evaluations_to_tolerance(history: ArrayLike | SearchResult,
                             tol: float) -> int | None:
    """How many evaluations it took until the best loss was <= tol.

    Args:
        history: best-so-far losses, one per evaluation (or a
            `SearchResult`, whose `history` is used). Any sequence of
            losses works: the running minimum is taken here.
        tol: the loss to reach.

    Returns:
        The smallest k with min(f(θ₁), …, f(θ_k)) <= tol, or None if the
        budget ran out first.

    Example:
        >>> evaluations_to_tolerance([5.0, 3.0, 0.5, 0.1], tol=1.0)
        3
    """
    values = np.asarray(getattr(history, "history", history), dtype=float)
    if values.ndim != 1:
        raise ValueError(f"history must be 1-D; got shape {values.shape}")
    reached = np.minimum.accumulate(values) <= tol if values.size else \
        np.zeros(0, dtype=bool)
    return int(np.argmax(reached)) + 1 if reached.any() else None
