"""A small neural network in numpy, trained by the book's optimizers.

A multilayer perceptron (MLP) with L dense layers maps a batch of inputs
X (n rows, one example each) to class scores, the *logits*:

    Z_1 = X W_1 + b_1,   A_l = φ(Z_l),   Z_{l+1} = A_l W_{l+1} + b_{l+1},

with φ the nonlinearity (ReLU or tanh) after every layer but the last.
The loss is the softmax cross-entropy, averaged over the batch:

    p_{ik} = exp(z_{ik}) / Σ_j exp(z_{ij}),
    f(θ) = −(1/n) Σ_i log p_{i,y_i}.

The parameters θ are a dict {"W1", "b1", ..., "WL", "bL"} of arrays,
the form every optimizer of `optim_lib.optimizers` takes. The gradient
is backpropagation written out (`loss_and_grad`), and the tests check it
against central differences from `optim_lib.gradcheck`.

    >>> rng = np.random.default_rng(0)
    >>> params = init_mlp([64, 32, 10], rng)
    >>> sorted(params), params["W1"].shape
    (['W1', 'W2', 'b1', 'b2'], (64, 32))
"""

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import numpy as np
from numpy.typing import NDArray

from optim_lib import _tree
from optim_lib.optimizers import clip_grad_norm

__all__ = ["init_mlp", "logits", "loss", "loss_and_grad", "accuracy",
           "softmax_cross_entropy", "Split", "load_digits_split",
           "History", "train"]

Params = dict[str, NDArray]
ACTIVATIONS = ("relu", "tanh")


def _layers(params: Params) -> int:
    """The number of dense layers L in params."""
    count = 0
    while f"W{count + 1}" in params:
        count += 1
    if count == 0 or set(params) != _keys(count):
        raise ValueError(f"params must hold W1, b1, ..., WL, bL; got keys "
                         f"{sorted(params)}")
    return count


def _keys(layers: int) -> set[str]:
    return {f"{kind}{l}" for l in range(1, layers + 1) for kind in "Wb"}


def init_mlp(sizes: Sequence[int], rng: np.random.Generator,
             scale: str | float = "he") -> Params:
    """Random weights and zero biases for an MLP with the given widths.

    W_l has shape (sizes[l-1], sizes[l]) and normal entries with standard
    deviation σ_l: √(2 / fan_in) for "he" (suited to ReLU), √(1 / fan_in)
    for "lecun" (suited to tanh), or the number `scale` itself for every
    layer (0 makes all weights zero). Every b_l is zero.

    Args:
        sizes: the widths [inputs, hidden..., classes], at least two,
            each an integer >= 1.
        rng: the generator for the weights.
        scale: "he", "lecun", or a standard deviation >= 0.

    Returns:
        {"W1": ..., "b1": ..., ..., "WL": ..., "bL": ...} in float64.

    Raises:
        ValueError: for fewer than two sizes, a size below 1, or an
            unknown or negative scale.

    Example:
        >>> params = init_mlp([4, 3], np.random.default_rng(0), scale=0.0)
        >>> float(np.abs(params["W1"]).sum()), params["b1"].shape
        (0.0, (3,))
    """
    sizes = list(sizes)
    if len(sizes) < 2 or any(int(s) != s or s < 1 for s in sizes):
        raise ValueError(f"sizes must be at least two integers >= 1, got "
                         f"{sizes!r}")
    params = {}
    for l, (fan_in, fan_out) in enumerate(zip(sizes, sizes[1:]), start=1):
        std = _init_std(scale, fan_in)
        params[f"W{l}"] = std * rng.standard_normal((fan_in, fan_out))
        params[f"b{l}"] = np.zeros(fan_out)
    return params


def _init_std(scale: str | float, fan_in: int) -> float:
    """σ for one layer's weights."""
    if scale == "he":
        return math.sqrt(2.0 / fan_in)
    if scale == "lecun":
        return math.sqrt(1.0 / fan_in)
    if isinstance(scale, (int, float)) and scale >= 0:
        return float(scale)
    raise ValueError(f"scale must be 'he', 'lecun' or a number >= 0, got "
                     f"{scale!r}")


def _phi(z: NDArray, activation: str) -> NDArray:
    """φ(z), the nonlinearity."""
    return np.maximum(z, 0.0) if activation == "relu" else np.tanh(z)


def _phi_prime(z: NDArray, a: NDArray, activation: str) -> NDArray:
    """φ'(z), from z or from a = φ(z)."""
    return (z > 0).astype(z.dtype) if activation == "relu" else 1 - a**2


def _check_inputs(params: Params, X: Any, y: Any | None,
                  activation: str) -> tuple[NDArray, NDArray | None, int]:
    """Validate the arguments shared by the functions below."""
    if activation not in ACTIVATIONS:
        raise ValueError(f"activation must be one of {ACTIVATIONS}, got "
                         f"{activation!r}")
    layers = _layers(params)
    X = np.asarray(X, dtype=float)
    inputs, classes = params["W1"].shape[0], params[f"W{layers}"].shape[1]
    if X.ndim != 2 or X.shape[1] != inputs:
        raise ValueError(f"X must have shape (n, {inputs}), got {X.shape}")
    if y is None:
        return X, None, layers
    y = np.asarray(y)
    if y.shape != (X.shape[0],):
        raise ValueError(f"y must hold one label per row of X, i.e. have "
                         f"shape ({X.shape[0]},), got {y.shape}")
    if not np.issubdtype(y.dtype, np.integer) or (
            y.size and (y.min() < 0 or y.max() >= classes)):
        raise ValueError(f"y must hold integer labels in [0, {classes}), "
                         f"got values from {y.min()} to {y.max()}")
    return X, y, layers


def _forward(params: Params, X: NDArray, layers: int, activation: str
             ) -> tuple[list[NDArray], list[NDArray]]:
    """Pre-activations Z_l and activations A_l (A_0 = X) of every layer."""
    zs, activations = [], [X]
    for l in range(1, layers + 1):
        z = activations[-1] @ params[f"W{l}"] + params[f"b{l}"]
        zs.append(z)
        if l < layers:
            activations.append(_phi(z, activation))
    return zs, activations


def logits(params: Params, X: Any, activation: str = "relu") -> NDArray:
    """The class scores Z_L of every row of X, shape (n, classes).

    Raises:
        ValueError: for params that are not W1, b1, ..., WL, bL, an X
            with the wrong number of columns, or an unknown activation.
    """
    X, _, layers = _check_inputs(params, X, None, activation)
    return _forward(params, X, layers, activation)[0][-1]


def softmax_cross_entropy(scores: NDArray, y: NDArray
                          ) -> tuple[float, NDArray]:
    """The mean cross-entropy of softmax(scores) and its gradient.

    With P = softmax(Z) row by row and Y the one-hot labels, the loss is
    −(1/n) Σ_i log P[i, y_i] and its gradient with respect to Z is
    (P − Y) / n. Subtracting each row's maximum first keeps exp from
    overflowing; it changes neither the loss nor the gradient.

    Args:
        scores: the logits Z, shape (n, classes).
        y: the labels, n integers in [0, classes).

    Returns:
        (loss, dZ): a float and an array shaped like scores.
    """
    n = scores.shape[0]
    shifted = scores - scores.max(axis=1, keepdims=True)
    log_p = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    loss = -float(log_p[np.arange(n), y].mean())

    d_scores = np.exp(log_p)
    d_scores[np.arange(n), y] -= 1.0
    return loss, d_scores / n


def loss(params: Params, X: Any, y: Any, activation: str = "relu"
         ) -> float:
    """The mean softmax cross-entropy of the network on (X, y).

    Raises:
        ValueError: as `loss_and_grad`.
    """
    X, y, layers = _check_inputs(params, X, y, activation)
    scores = _forward(params, X, layers, activation)[0][-1]
    return softmax_cross_entropy(scores, y)[0]


def loss_and_grad(params: Params, X: Any, y: Any,
                  activation: str = "relu") -> tuple[float, Params]:
    """The loss f(θ) and its gradient by backpropagation.

    Going back from dZ_L = (P − Y)/n, each layer gives

        ∂f/∂W_l = A_{l-1}ᵀ dZ_l,   ∂f/∂b_l = Σ_i dZ_l[i],
        dZ_{l-1} = (dZ_l W_lᵀ) ⊙ φ'(Z_{l-1}).

    Args:
        params: {"W1", "b1", ..., "WL", "bL"}.
        X: inputs, shape (n, inputs), n >= 1.
        y: labels, n integers in [0, classes).
        activation: "relu" or "tanh".

    Returns:
        (loss, grads), grads a dict with the keys and shapes of params.

    Raises:
        ValueError: for malformed params, an X with the wrong number of
            columns, a y whose length differs from X's rows, labels that
            are not integers in [0, classes), or an unknown activation.

    Example:
        >>> params = init_mlp([3, 2], np.random.default_rng(0), scale=0.0)
        >>> f, grads = loss_and_grad(params, np.ones((1, 3)), [1])
        >>> round(f, 4), grads["b1"]
        (0.6931, array([ 0.5, -0.5]))
    """
    X, y, layers = _check_inputs(params, X, y, activation)
    zs, activations = _forward(params, X, layers, activation)
    f, dz = softmax_cross_entropy(zs[-1], y)

    grads = {}
    for l in range(layers, 0, -1):
        grads[f"W{l}"] = activations[l - 1].T @ dz
        grads[f"b{l}"] = dz.sum(axis=0)
        if l > 1:
            dz = (dz @ params[f"W{l}"].T) * _phi_prime(
                zs[l - 2], activations[l - 1], activation)
    return f, grads


def accuracy(params: Params, X: Any, y: Any, activation: str = "relu"
             ) -> float:
    """The fraction of rows whose largest logit is the true label.

    Raises:
        ValueError: as `loss_and_grad`.
    """
    X, y, layers = _check_inputs(params, X, y, activation)
    scores = _forward(params, X, layers, activation)[0][-1]
    return float(np.mean(scores.argmax(axis=1) == y))


class Split(NamedTuple):
    """A data set cut into training and test parts."""

    X_train: NDArray
    y_train: NDArray
    X_test: NDArray
    y_test: NDArray


def load_digits_split(rng: np.random.Generator, test_size: float = 0.25
                      ) -> Split:
    """scikit-learn's handwritten digits, shuffled and split in two.

    1,797 images of 8 × 8 pixels, each a row of 64 features scaled from
    the original 0..16 to [0, 1], with labels 0 to 9. The data ship inside
    scikit-learn: nothing is downloaded.

    Args:
        rng: the generator that shuffles the rows before the split.
        test_size: the fraction in (0, 1) kept aside for testing.

    Returns:
        A `Split`; the test part has round(test_size × 1797) rows.

    Raises:
        ValueError: if test_size is not strictly between 0 and 1.
    """
    if not 0 < test_size < 1:
        raise ValueError(f"test_size must be in (0, 1), got {test_size!r}")
    from sklearn.datasets import load_digits  # only this function needs it

    digits = load_digits()
    X, y = digits.data / 16.0, digits.target.astype(np.int64)
    order = rng.permutation(len(y))
    n_test = round(test_size * len(y))
    test, tr = order[:n_test], order[n_test:]
    return Split(X[tr], y[tr], X[test], y[test])


@dataclass
class History:
    """What training went through, epoch by epoch.

    Each list starts with the value before training (epoch 0) and gets
    one entry per finished epoch.

    Attributes:
        train_loss, test_loss: mean cross-entropy on each part.
        train_acc, test_acc: accuracy on each part.
        params: the parameters after the last finished step.
        diverged: True if a loss or gradient became NaN or infinite;
            training then stopped and `reason` says where.
    """

    train_loss: list[float] = field(default_factory=list)
    test_loss: list[float] = field(default_factory=list)
    train_acc: list[float] = field(default_factory=list)
    test_acc: list[float] = field(default_factory=list)
    params: Params | None = None
    diverged: bool = False
    reason: str | None = None

    def record(self, params: Params, data: Split, activation: str) -> None:
        """Append the losses and accuracies of params on both parts."""
        for part in ("train", "test"):
            X, y = getattr(data, f"X_{part}"), getattr(data, f"y_{part}")
            scores = logits(params, X, activation)
            getattr(self, f"{part}_loss").append(
                softmax_cross_entropy(scores, y)[0])
            getattr(self, f"{part}_acc").append(
                float(np.mean(scores.argmax(axis=1) == y)))
        self.params = params


Progress = Callable[[Iterable[int]], Iterable[int]]


def train(optimizer: Any, params: Params, data: Split, epochs: int,
          batch_size: int, rng: np.random.Generator, *,
          activation: str = "relu", max_grad_norm: float | None = None,
          progress: Progress | None = None) -> History:
    """Minibatch training: `epochs` passes over the shuffled training set.

    Each epoch shuffles the training rows with rng, cuts them into
    batches of batch_size (the last may be smaller) and takes one
    optimizer step per batch on its mean loss.

    Args:
        optimizer: an optimizer from `optim_lib.optimizers`.
        params: the starting θ, a dict from `init_mlp` (not modified).
        data: a `Split`; the test part is only evaluated, never trained on.
        epochs: passes over the training set, an integer >= 0.
        batch_size: rows per step, an integer >= 1.
        rng: the generator that shuffles each epoch.
        activation: "relu" or "tanh".
        max_grad_norm: if given, clip each gradient to this global norm.
        progress: wraps the iterable of epochs, e.g. a tqdm bar; None
            shows nothing (the library never prints).

    Returns:
        A `History`. A NaN or infinite loss or gradient stops training
        early with `diverged` True, as `optim_lib.run` does.

    Raises:
        ValueError: for epochs < 0 or batch_size < 1, and as
            `loss_and_grad` for malformed params or data.
    """
    if not (isinstance(epochs, int) and epochs >= 0):
        raise ValueError(f"epochs must be an integer >= 0, got {epochs!r}")
    if not (isinstance(batch_size, int) and batch_size >= 1):
        raise ValueError(f"batch_size must be an integer >= 1, got "
                         f"{batch_size!r}")
    state = optimizer.init(params)
    history = History()
    history.record(params, data, activation)
    epoch_range = range(1, epochs + 1)
    for epoch in progress(epoch_range) if progress else epoch_range:
        # A blow-up is reported in `reason`, not by numpy's warnings.
        with np.errstate(over="ignore", invalid="ignore"):
            params, state, history.reason = _epoch(
                optimizer, params, state, data, batch_size, rng,
                activation, max_grad_norm)
            if not history.reason:
                history.record(params, data, activation)
        if history.reason:
            history.diverged = True
            history.reason += f" in epoch {epoch}"
            break
    return history


def _epoch(optimizer: Any, params: Params, state: Any, data: Split,
           batch_size: int, rng: np.random.Generator, activation: str,
           max_grad_norm: float | None) -> tuple[Params, Any, str | None]:
    """One pass over the shuffled training set; stops at a NaN or inf."""
    order = rng.permutation(len(data.y_train))
    for start in range(0, len(order), batch_size):
        batch = order[start:start + batch_size]
        f, grads = loss_and_grad(params, data.X_train[batch],
                                 data.y_train[batch], activation)
        norm = _tree.global_norm(grads)
        if not (math.isfinite(f) and math.isfinite(norm)):
            return params, state, "the loss or gradient became non-finite"
        if max_grad_norm is not None:
            grads, _ = clip_grad_norm(grads, max_grad_norm)
        params, state = optimizer.step(params, grads, state)
    return params, state, None
