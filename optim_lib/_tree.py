"""Parameters as one array or as a dict of arrays (a network's layers).

Every optimizer accepts both shapes of `params`; this private module
holds the bookkeeping so that the optimizers only state their rule.

The one non-obvious piece is `blockwise`. An update rule written as
numpy expressions makes temporary arrays as large as the parameters,
and for millions of parameters moving those through memory costs more
than the arithmetic. `blockwise` hands the rule slices ("blocks") of
about a megabyte, small enough that its temporaries stay in the CPU
cache, and the rule writes each result straight into the new arrays.
Nothing it is given is changed: the new parameters and the new state
are new arrays. `Recycler` finds memory for them: see there why.
"""

import math
import sys
import threading
from collections.abc import Callable, Iterator
from operator import itemgetter
from typing import Any, NamedTuple, TypeAlias

import numpy as np
from numpy.typing import NDArray

Params: TypeAlias = NDArray[np.floating] | dict[str, NDArray[np.floating]]

# Elements per block: 2**17 float64 numbers are 1 MiB. Measured with
# benchmarks/bench_step.py: 2**16 to 2**17 is fastest on 4,000,000
# parameters; smaller blocks pay Python overhead, larger ones fall out
# of the cache.
BLOCK = 2**17


def leaves(tree: Any) -> Iterator[tuple[str | None, Any]]:
    """Yield (key, array) pairs: one pair with key None for an array."""
    if isinstance(tree, dict):
        yield from tree.items()
    else:
        yield None, tree


def label(name: str, key: str | None) -> str:
    """How an error message names one array: params or params['w']."""
    return name if key is None else f"{name}[{key!r}]"


def as_params(params: Any, name: str = "params") -> Params:
    """Return params as float arrays (no copy); ValueError if not float.

    Args:
        params: an array (or anything np.asarray takes) or a dict of them.
        name: the argument name used in error messages.

    Returns:
        The same structure with every leaf a numpy array.

    Raises:
        ValueError: if a leaf is not a floating-point array.
    """
    if isinstance(params, dict):
        return {key: _as_float(value, label(name, key))
                for key, value in params.items()}
    return _as_float(params, name)


def _as_float(value: Any, name: str) -> NDArray[np.floating]:
    array = np.asarray(value)
    if array.dtype.kind != "f":
        raise ValueError(
            f"{name} must hold floating-point numbers, got dtype "
            f"{array.dtype}; convert with np.asarray(x, dtype=float)")
    return array


def check_grads(params: Params, grads: Any) -> Params:
    """Return grads as arrays of params' dtype, checking their layout.

    Raises:
        ValueError: if grads is not a dict exactly when params is, has
            other keys, a leaf of another shape, or non-numeric values.
    """
    if isinstance(params, dict) != isinstance(grads, dict):
        kind = "a dict" if isinstance(params, dict) else "an array"
        raise ValueError(f"grads must be {kind}, like params")
    if isinstance(params, dict) and params.keys() != grads.keys():
        raise ValueError(
            f"grads must have the keys of params: params has "
            f"{sorted(params)}, grads has {sorted(grads)}")
    checked = {key: _grad_like(theta, _get(grads, key), key)
               for key, theta in leaves(params)}
    return checked if isinstance(params, dict) else checked[None]


def _get(tree: Any, key: str | None) -> Any:
    return tree if key is None else tree[key]


def _grad_like(theta: NDArray, g: Any, key: str | None) -> NDArray:
    g = np.asarray(g)
    if g.dtype.kind not in "fiu":
        raise ValueError(f"{label('grads', key)} must be numeric, "
                         f"got dtype {g.dtype}")
    if g.shape != theta.shape:
        raise ValueError(
            f"{label('grads', key)} has shape {g.shape}, but "
            f"{label('params', key)} has shape {theta.shape}")
    return g if g.dtype == theta.dtype else g.astype(theta.dtype)


def map_leaves(fn: Callable[..., Any], *trees: Any) -> Any:
    """Apply fn leaf by leaf to trees of one structure (None stays)."""
    if trees[0] is None:
        return None
    if isinstance(trees[0], dict):
        return {key: fn(*(tree[key] for tree in trees)) for key in trees[0]}
    return fn(*trees)


def zeros_like(params: Params) -> Params:
    """New zero arrays shaped like params."""
    return map_leaves(np.zeros_like, params)


def full_like(params: Params, value: float) -> Params:
    """New arrays shaped like params, filled with value."""
    return map_leaves(lambda theta: np.full_like(theta, value), params)


def global_norm(tree: Params) -> float:
    """The 2-norm of all leaves taken together, as one long vector."""
    norms = [np.linalg.norm(np.ravel(g)) for _, g in leaves(tree)]
    return float(np.linalg.norm(norms))


def blockwise(update: Callable[..., None], params: Params, grads: Params,
              state: NamedTuple, arrays: "Recycler | None" = None,
              **scalars: Any) -> tuple[Params, Any]:
    """Run an update rule over cache-sized blocks; return new arrays.

    `update(theta, g, old, new, theta_new, **scalars)` gets θ and g, the
    old state `old` and the new state `new` (NamedTuples whose array
    fields hold matching pieces of the arrays, other fields as they
    are), and writes θ_t into `theta_new` and every array field of
    `new`. The pieces are whole arrays when they are small, and 1-D
    blocks of BLOCK elements when they are large. The new state has
    t = old t + 1.

    Args:
        update: the rule, which must only read its inputs.
        params, grads: θ and g (checked by `as_params`, `check_grads`).
        state: the optimizer's state before the step.
        arrays: where new arrays come from (np.empty if None).
        **scalars: passed on to `update` (the learning rate, say).

    Returns:
        (new params, new state), all arrays newly allocated.

    Raises:
        ValueError: if grads holds a NaN or an infinity, naming where.
    """
    arrays = arrays or Recycler(generations=0)
    new_state = state._make(
        arrays.like(field) for field in state)._replace(t=state.t + 1)
    new_params = {key: arrays.like(theta) for key, theta in leaves(params)}
    arrays.end_step()

    for key, theta in leaves(params):
        g = _get(grads, key)
        pieces = (theta, g, _pick(state, key), _pick(new_state, key),
                  new_params[key])
        for theta_b, g_b, old_b, new_b, out_b in _blocks(pieces):
            if not all_finite(g_b):  # g_b is then in the cache
                _raise_not_finite(g, key)
            update(theta_b, g_b, old_b, new_b, out_b, **scalars)

    result = new_params if isinstance(params, dict) else new_params[None]
    return result, new_state


def _count(arrays: list, i: int) -> int:
    return sys.getrefcount(arrays[i])


# The count of an array that one list alone refers to, measured the way
# Recycler measures it (None where reference counts are not exact).
_ALONE = (_count([np.empty(0)], 0)
          if hasattr(sys, "getrefcount")
          and getattr(sys, "_is_gil_enabled", lambda: True)() else None)


class Recycler:
    """Gives out new arrays, reusing earlier ones that nobody holds.

    A pure step returns new arrays, and fresh memory comes from the
    operating system as pages the kernel first fills with zeros: for
    millions of parameters that costs about as much as the update. So
    the optimizer keeps the large arrays it gave out in the last
    `generations` steps, and reuses one once nothing but this Recycler
    refers to it (the reader has dropped that old state). No one can
    see such an array change, so reusing it keeps `step` pure. CPython's
    reference count tells which arrays are free; where counts are not
    exact (PyPy, free-threaded builds) nothing is reused. The cost: up
    to `generations` steps of large arrays stay in memory after the
    reader has let go of them.

    Args:
        generations: how many steps' arrays to keep for reuse.
    """

    def __init__(self, generations: int = 2) -> None:
        self.generations = generations
        self._kept: list[list[NDArray]] = []  # one list per step
        self._now: list[NDArray] = []
        self._lock = threading.Lock()

    def like(self, tree: Any) -> Any:
        """New C-ordered arrays shaped like tree; other values unchanged."""
        if not isinstance(tree, (np.ndarray, dict)):
            return tree
        return map_leaves(lambda a: self.empty(a.shape, a.dtype), tree)

    def empty(self, shape: tuple, dtype: np.dtype) -> NDArray:
        """An array whose values are garbage, as from np.empty."""
        small = math.prod(shape) < BLOCK  # malloc reuses small blocks
        if small or _ALONE is None or not self.generations:
            return np.empty(shape, dtype)
        with self._lock:
            array = self._free(shape, dtype)
            if array is None:
                array = np.empty(shape, dtype)
            self._now.append(array)
            return array

    def _free(self, shape: tuple, dtype: np.dtype) -> NDArray | None:
        for kept in self._kept:
            for i in range(len(kept)):
                if (_count(kept, i) == _ALONE and kept[i].shape == shape
                        and kept[i].dtype == dtype):
                    return kept.pop(i)
        return None

    def end_step(self) -> None:
        """Close a step: the arrays it took join those kept for reuse."""
        with self._lock:
            self._kept.append(self._now)
            while len(self._kept) > self.generations:
                self._kept.pop(0)
            self._now = []

    def __reduce__(self) -> tuple:
        # A copy or a pickle starts empty: kept arrays are no state.
        return Recycler, (self.generations,)


def _pick(state: NamedTuple, key: str | None) -> NamedTuple:
    """The state of one layer: each dict field replaced by its entry."""
    if key is None:
        return state
    return state._make(field[key] if isinstance(field, dict) else field
                       for field in state)


def _blocks(pieces: tuple) -> Iterator[tuple]:
    """Yield the pieces whole if small, else as matching 1-D blocks.

    Arrays are flattened in C order: the inputs by copying when they
    are not C-contiguous, the outputs (new, C-ordered) as views, so
    writing into a block writes into the new array.
    """
    size = pieces[0].size
    if size <= BLOCK:
        yield pieces
        return
    flat = tuple(_map_arrays(np.ravel, piece) for piece in pieces)
    for start in range(0, size, BLOCK):
        cut = itemgetter(slice(start, start + BLOCK))
        yield tuple(_map_arrays(cut, piece) for piece in flat)


def _map_arrays(fn: Callable, piece: Any) -> Any:
    """fn on an array, or on each array field of a state NamedTuple."""
    if isinstance(piece, np.ndarray):
        return fn(piece)
    return piece._make(fn(f) if isinstance(f, np.ndarray) else f
                       for f in piece)


def all_finite(g: NDArray) -> bool:
    """True if g holds no NaN and no infinity.

    The test is g·g, one fast pass: it is finite if every element is,
    and it is NaN or inf if one is not, or if some |g| exceeds about
    1e154; only then is g searched element by element.
    """
    with np.errstate(over="ignore"):
        if math.isfinite(np.vdot(g, g)):
            return True
    return bool(np.isfinite(g).all())


def _raise_not_finite(g: NDArray, key: str | None) -> None:
    index = tuple(int(i) for i in np.argwhere(~np.isfinite(g))[0])
    raise ValueError(
        f"{label('grads', key)} holds {g[index]} at index {index}: "
        f"a NaN or infinite gradient usually means the run diverged; "
        f"lower lr or clip the gradients")
