"""The optimizers of the book: SGD (with momentum), AdaGrad, RMSProp, Adam
and AdamW, step for step as torch.optim computes them.

Each optimizer is a small class. Its constructor takes torch.optim's
argument names and defaults and checks them; `init(params)` returns the
first state; `step(params, grads, state)` returns `(params, state)` as
new arrays and changes none of its inputs, so a run can keep every
state it passes through:

    >>> opt = Adam(lr=0.1)
    >>> params = np.array([1.0, -2.0])
    >>> state = opt.init(params)
    >>> params, state = opt.step(params, np.array([0.5, -40.0]), state)
    >>> params
    array([ 0.9, -1.9])

`params` is one array of any shape, or a dict of arrays (a network's
layers); the state then holds dicts with the same keys. float32 stays
float32. `lr` is a number or a schedule from `optim_lib.schedules`.

Symbols, as in the chapters: θ params, g_t the gradient at step t,
η lr, μ momentum, τ dampening, λ weight_decay, β₁ β₂ betas, α alpha,
ε eps, m_t and v_t the first and second moments, b_t a momentum buffer.
"""

import inspect
import math
from collections.abc import Callable
from typing import Any, NamedTuple

import numpy as np
from numpy.typing import NDArray

from optim_lib import _tree
from optim_lib._tree import Params

__all__ = ["SGD", "AdaGrad", "RMSProp", "Adam", "AdamW", "SGDState",
           "AdaGradState", "RMSPropState", "AdamState", "clip_grad_norm"]

LR = float | Callable[[int], float]


def _require(ok: bool, name: str, allowed: str, value: Any) -> None:
    """Raise ValueError naming the argument and its allowed range."""
    if not ok:
        raise ValueError(f"{name} must be {allowed}, got {value!r}")


class _Optimizer:
    """What every optimizer shares: the learning rate and `step`.

    A subclass implements `init(params)` and `_update(...)`, the rule
    for one block of coordinates, called by `_tree.blockwise`.
    """

    def __init__(self, lr: LR) -> None:
        self._arrays = _tree.Recycler()  # memory for new arrays; see there
        if callable(lr):
            self.lr = lr
            self.lr_at(0)  # a schedule that starts negative fails now
        else:
            _require(lr >= 0, "lr", "a number >= 0 or a schedule", lr)
            self.lr = float(lr)

    def lr_at(self, t: int) -> float:
        """η for the step after t steps: lr, or the schedule's lr(t).

        Raises:
            ValueError: if a schedule gives a negative or NaN rate.
        """
        if not callable(self.lr):
            return self.lr
        value = float(self.lr(t))
        if not value >= 0:
            raise ValueError(f"lr must be >= 0, but the schedule gave "
                             f"{value} at t={t}")
        return value

    def step(self, params: Params, grads: Params,
             state: NamedTuple) -> tuple[Params, Any]:
        """Take one step: return the new params and the new state.

        Args:
            params: θ_{t-1}, an array or a dict of arrays.
            grads: g_t, shaped exactly like params.
            state: the state after t - 1 steps (from `init` or `step`).

        Returns:
            (θ_t, state_t), all new arrays; the inputs are unchanged.

        Raises:
            ValueError: if params are not floating point, grads differ
                from params in shape or keys, or hold a NaN or infinity.
        """
        params = _tree.as_params(params)
        grads = _tree.check_grads(params, grads)
        return _tree.blockwise(self._update, params, grads, state,
                               self._arrays, lr=self.lr_at(state.t))

    def _update(self, theta: NDArray, g: NDArray, old: Any, new: Any,
                theta_new: NDArray, lr: float) -> None:
        """The rule, on matching pieces of θ_{t-1}, g_t and the states.

        Reads theta, g and the state `old` (after t - 1 steps); writes
        θ_t into theta_new and the state after t steps into the arrays
        of `new` (whose new.t is t), through numpy's `out=` or in place
        (+=), which is safe there: those arrays are new. Changes
        nothing it reads.
        """
        raise NotImplementedError

    def __repr__(self) -> str:
        names = inspect.signature(type(self)).parameters
        args = ", ".join(f"{name}={_show(getattr(self, name))}"
                         for name in names)
        return f"{type(self).__name__}({args})"


def _show(value: Any) -> str:
    return getattr(value, "__name__", None) or repr(value)


class SGDState(NamedTuple):
    """SGD's state: the step count t and the momentum buffer b_t.

    b is None when momentum is 0 (plain SGD keeps no buffer).
    """

    t: int
    b: Params | None


class SGD(_Optimizer):
    r"""Stochastic gradient descent with momentum, as torch.optim.SGD.

    One step, with weight decay λ, momentum μ and dampening τ:

        g_t ← g_t + λ θ_{t-1}                       (if λ > 0)
        b_t = g_t                                    (at t = 1)
        b_t = μ b_{t-1} + (1 − τ) g_t                (at t > 1)
        d_t = b_t,  or  d_t = g_t + μ b_t  (Nesterov),  or  d_t = g_t
              when μ = 0
        θ_t = θ_{t-1} − η d_t

    η is `lr`, μ `momentum`, τ `dampening`, λ `weight_decay`.

    Note:
        This is PyTorch's form, not the papers'. Polyak's heavy ball as
        Sutskever et al. (2013) write it keeps a velocity v_t = μ v_{t-1}
        − η g_t and sets θ_t = θ_{t-1} + v_t: η sits inside the buffer.
        Here the buffer sums raw gradients and η multiplies it at each
        step; the two agree while η is constant and differ once a
        schedule changes it. With dampening τ = μ the buffer is an
        exponential average, except that it starts at g_1 rather than
        (1 − μ) g_1; the average started from zero, v_t = μ v_{t-1} +
        (1 − μ) g_t with θ_t = θ_{t-1} − η v_t, is this SGD with lr
        η (1 − μ) and no dampening. The Nesterov step is the rewriting
        of Bengio et al. (2013): it takes the gradient at θ_{t-1}, not
        at Sutskever's look-ahead point θ_{t-1} + μ v_{t-1}.

    Args:
        lr: the learning rate η (a number >= 0 or a schedule).
        momentum: μ >= 0; 0 gives plain SGD.
        dampening: τ, the share of g_t left out of the buffer.
        weight_decay: λ >= 0, an L2 penalty (λ/2)‖θ‖² added to the loss.
        nesterov: take Nesterov's step (needs μ > 0 and τ = 0).

    Raises:
        ValueError: for lr, momentum or weight_decay below 0, or
            Nesterov without momentum or with dampening.

    Example:
        >>> opt = SGD(lr=0.1, momentum=0.9)
        >>> params = np.array([1.0, -2.0])
        >>> state = opt.init(params)
        >>> for grads in (np.array([1.0, 1.0]), np.array([0.0, 2.0])):
        ...     params, state = opt.step(params, grads, state)
        >>> params, state.b
        (array([ 0.81, -2.39]), array([0.9, 2.9]))
    """

    def __init__(self, lr: LR = 1e-3, momentum: float = 0,
                 dampening: float = 0, weight_decay: float = 0,
                 nesterov: bool = False) -> None:
        super().__init__(lr)
        _require(momentum >= 0, "momentum", ">= 0", momentum)
        _require(weight_decay >= 0, "weight_decay", ">= 0", weight_decay)
        if nesterov:
            _require(momentum > 0, "momentum", "> 0 with nesterov=True",
                     momentum)
            _require(dampening == 0, "dampening", "0 with nesterov=True",
                     dampening)
        self.momentum, self.dampening = momentum, dampening
        self.weight_decay, self.nesterov = weight_decay, nesterov

    def init(self, params: Params) -> SGDState:
        """The state before the first step: t = 0 and b = 0."""
        params = _tree.as_params(params)
        b = _tree.zeros_like(params) if self.momentum else None
        return SGDState(t=0, b=b)

    def _update(self, theta, g, old, new, theta_new, lr):
        mu, tau = self.momentum, self.dampening
        if self.weight_decay:
            g = g + self.weight_decay * theta  # g_t + λ θ_{t-1}

        if mu:
            if old.t == 0:
                np.copyto(new.b, g)  # b_1 = g_1
            else:  # b_t = μ b_{t-1} + (1 − τ) g_t, summed inside b_t
                b = np.multiply(old.b, mu, out=new.b)
                b += (1 - tau) * g if tau else g
            g = g + mu * new.b if self.nesterov else new.b  # d_t

        theta_t = np.multiply(g, -lr, out=theta_new)  # θ_t = −η d_t
        theta_t += theta  # + θ_{t-1}


class AdaGradState(NamedTuple):
    """AdaGrad's state: the step count t and v_t, the sum of g_t²."""

    t: int
    v: Params


class AdaGrad(_Optimizer):
    r"""AdaGrad: a step size for each coordinate, as torch.optim.Adagrad.

    One step, with weight decay λ and learning-rate decay δ:

        g_t ← g_t + λ θ_{t-1}                       (if λ > 0)
        η_t = η / (1 + (t − 1) δ)
        v_t = v_{t-1} + g_t²                         (v_0 = v_init)
        θ_t = θ_{t-1} − η_t g_t / (√v_t + ε)

    η is `lr`, δ `lr_decay`, v_init `initial_accumulator_value`,
    ε `eps`, λ `weight_decay`; squares and roots are per coordinate.

    Note:
        Duchi et al. (2011) have neither lr_decay nor a starting value
        for the sum; both are PyTorch's additions (0 by default). ε is
        added outside the square root, like their δ. As v_t only grows,
        the step η_t / √v_t only shrinks: on long runs AdaGrad stalls,
        the weakness RMSProp repairs.

    Args:
        lr: the learning rate η (a number >= 0 or a schedule).
        lr_decay: δ >= 0, which shrinks η as 1 / (1 + (t − 1) δ).
        weight_decay: λ >= 0, an L2 penalty added to the gradient.
        initial_accumulator_value: v_0 >= 0 for every coordinate.
        eps: ε >= 0, which keeps the division finite.

    Raises:
        ValueError: for any argument below 0.

    Example:
        >>> opt = AdaGrad(lr=0.5)
        >>> params = np.array([1.0, 1.0])
        >>> state = opt.init(params)
        >>> params, state = opt.step(params, np.array([3.0, 0.1]), state)
        >>> params, state.v
        (array([0.5, 0.5]), array([9.  , 0.01]))
    """

    def __init__(self, lr: LR = 1e-2, lr_decay: float = 0,
                 weight_decay: float = 0,
                 initial_accumulator_value: float = 0,
                 eps: float = 1e-10) -> None:
        super().__init__(lr)
        _require(lr_decay >= 0, "lr_decay", ">= 0", lr_decay)
        _require(weight_decay >= 0, "weight_decay", ">= 0", weight_decay)
        _require(initial_accumulator_value >= 0,
                 "initial_accumulator_value", ">= 0",
                 initial_accumulator_value)
        _require(eps >= 0, "eps", ">= 0", eps)
        self.lr_decay, self.weight_decay = lr_decay, weight_decay
        self.initial_accumulator_value = initial_accumulator_value
        self.eps = eps

    def init(self, params: Params) -> AdaGradState:
        """The state before the first step: t = 0 and v = v_init."""
        params = _tree.as_params(params)
        v = _tree.full_like(params, self.initial_accumulator_value)
        return AdaGradState(t=0, v=v)

    def _update(self, theta, g, old, new, theta_new, lr):
        if self.weight_decay:
            g = g + self.weight_decay * theta  # g_t + λ θ_{t-1}
        lr_t = lr / (1 + (new.t - 1) * self.lr_decay)  # η_t

        np.add(old.v, g * g, out=new.v)  # v_t = v_{t-1} + g_t²
        np.subtract(theta, lr_t * g / (np.sqrt(new.v) + self.eps),
                    out=theta_new)


class RMSPropState(NamedTuple):
    """RMSProp's state: t, v_t the average of g_t², and if used the
    average gradient g_avg (centered=True) and the buffer b (momentum).
    """

    t: int
    v: Params
    g_avg: Params | None
    b: Params | None


class RMSProp(_Optimizer):
    r"""RMSProp: AdaGrad with a forgetting average, as torch.optim.RMSprop.

    One step, with smoothing constant α, weight decay λ, momentum μ:

        g_t ← g_t + λ θ_{t-1}                       (if λ > 0)
        v_t = α v_{t-1} + (1 − α) g_t²
        ṽ_t = v_t,  or, centered,  ṽ_t = v_t − ḡ_t²
              with ḡ_t = α ḡ_{t-1} + (1 − α) g_t
        d_t = g_t / (√ṽ_t + ε)
        b_t = μ b_{t-1} + d_t,  d_t ← b_t            (if μ > 0)
        θ_t = θ_{t-1} − η d_t

    η is `lr`, α `alpha`, ε `eps`, λ `weight_decay`, μ `momentum`;
    ḡ is the state field `g_avg`. All averages start at 0.

    Note:
        Hinton's lecture (2012) gives only v_t and θ_t; the centered
        variant (which divides by an estimate of the standard deviation)
        and the momentum buffer follow Graves (2013), who adds ε inside
        the square root; PyTorch adds it outside. Unlike Adam, RMSProp
        does not correct the averages' bias toward 0, so its first steps
        are larger than η: the first is η / √(1 − α) per coordinate.

    Args:
        lr: the learning rate η (a number >= 0 or a schedule).
        alpha: α in [0, 1], how much of v the next step keeps.
        eps: ε >= 0, which keeps the division finite.
        weight_decay: λ >= 0, an L2 penalty added to the gradient.
        momentum: μ >= 0; 0 keeps no buffer.
        centered: divide by the centered second moment v_t − ḡ_t².

    Raises:
        ValueError: for lr, eps, weight_decay or momentum below 0, or
            alpha outside [0, 1].

    Example:
        >>> opt = RMSProp(lr=0.1, alpha=0.75)
        >>> params = np.array([1.0, 1.0])
        >>> state = opt.init(params)
        >>> params, state = opt.step(params, np.array([4.0, -1.0]), state)
        >>> params
        array([0.8, 1.2])
    """

    def __init__(self, lr: LR = 1e-2, alpha: float = 0.99,
                 eps: float = 1e-8, weight_decay: float = 0,
                 momentum: float = 0, centered: bool = False) -> None:
        super().__init__(lr)
        _require(0 <= alpha <= 1, "alpha", "in [0, 1]", alpha)
        _require(eps >= 0, "eps", ">= 0", eps)
        _require(weight_decay >= 0, "weight_decay", ">= 0", weight_decay)
        _require(momentum >= 0, "momentum", ">= 0", momentum)
        self.alpha, self.eps, self.weight_decay = alpha, eps, weight_decay
        self.momentum, self.centered = momentum, centered

    def init(self, params: Params) -> RMSPropState:
        """The state before the first step: t = 0, all averages 0."""
        params = _tree.as_params(params)
        g_avg = _tree.zeros_like(params) if self.centered else None
        b = _tree.zeros_like(params) if self.momentum else None
        return RMSPropState(t=0, v=_tree.zeros_like(params), g_avg=g_avg,
                            b=b)

    def _update(self, theta, g, old, new, theta_new, lr):
        alpha = self.alpha
        if self.weight_decay:
            g = g + self.weight_decay * theta  # g_t + λ θ_{t-1}

        np.add(alpha * old.v, (1 - alpha) * g * g, out=new.v)  # v_t
        v = new.v
        if self.centered:  # ṽ_t = v_t − ḡ_t²
            np.add(alpha * old.g_avg, (1 - alpha) * g, out=new.g_avg)
            v = v - new.g_avg * new.g_avg

        d = g / (np.sqrt(v) + self.eps)
        if self.momentum:  # b_t = μ b_{t-1} + d_t
            d = np.add(self.momentum * old.b, d, out=new.b)
        np.subtract(theta, lr * d, out=theta_new)  # θ_t = θ_{t-1} − η d_t


class AdamState(NamedTuple):
    """Adam's state: t, the moments m_t and v_t, and v_max (AMSGrad)."""

    t: int
    m: Params
    v: Params
    v_max: Params | None


class Adam(_Optimizer):
    r"""Adam: momentum and RMSProp with bias correction, as torch.optim.Adam.

    One step, with weight decay λ:

        g_t ← g_t + λ θ_{t-1}                       (if λ > 0)
        m_t = β₁ m_{t-1} + (1 − β₁) g_t
        v_t = β₂ v_{t-1} + (1 − β₂) g_t²
        v_max,t = max(v_max,t-1, v_t), used as v_t below   (AMSGrad)
        m̂_t = m_t / (1 − β₁ᵗ),   v̂_t = v_t / (1 − β₂ᵗ)
        θ_t = θ_{t-1} − η m̂_t / (√v̂_t + ε)

    η is `lr`, β₁ and β₂ are `betas`, ε `eps`, λ `weight_decay`.
    m and v start at 0, so m̂_1 = g_1 and v̂_1 = g_1²: the first step
    moves each coordinate by about η, whatever the gradient's scale.

    Note:
        The update is Algorithm 1 of Kingma and Ba (2015), with ε added
        to √v̂_t after bias correction; their faster variant (section 2)
        adds an ε̂ to √v_t before it, which TensorFlow and Keras use.
        weight_decay adds λθ to the gradient (an L2 penalty, scaled by
        1/√v̂ like everything else): for decay that is not, use AdamW.
        PyTorch's AMSGrad keeps the maximum of the raw v_t and then
        corrects its bias; Reddi et al. (2018) state AMSGrad without
        bias correction.

    Args:
        lr: the learning rate η (a number >= 0 or a schedule).
        betas: (β₁, β₂), each in [0, 1).
        eps: ε >= 0, which keeps the division finite.
        weight_decay: λ >= 0, an L2 penalty added to the gradient.
        amsgrad: divide by the largest v_t seen so far (AMSGrad).

    Raises:
        ValueError: for lr, eps or weight_decay below 0, or a beta
            outside [0, 1).

    Example:
        >>> opt = Adam(lr=0.1)
        >>> params = np.array([1.0, 1.0])
        >>> state = opt.init(params)
        >>> params, state = opt.step(params, np.array([1e3, 1e-3]), state)
        >>> params, state.m
        (array([0.9     , 0.900001]), array([1.e+02, 1.e-04]))
    """

    _decoupled = False  # AdamW sets True: decay θ itself, not g_t

    def __init__(self, lr: LR = 1e-3,
                 betas: tuple[float, float] = (0.9, 0.999),
                 eps: float = 1e-8, weight_decay: float = 0,
                 amsgrad: bool = False) -> None:
        super().__init__(lr)
        _require(len(betas) == 2, "betas", "a pair (β₁, β₂)", betas)
        for i, beta in enumerate(betas):
            _require(0 <= beta < 1, f"betas[{i}]", "in [0, 1)", beta)
        _require(eps >= 0, "eps", ">= 0", eps)
        _require(weight_decay >= 0, "weight_decay", ">= 0", weight_decay)
        self.betas, self.eps = tuple(betas), eps
        self.weight_decay, self.amsgrad = weight_decay, amsgrad

    def init(self, params: Params) -> AdamState:
        """The state before the first step: t = 0, m = v = 0."""
        params = _tree.as_params(params)
        v_max = _tree.zeros_like(params) if self.amsgrad else None
        return AdamState(t=0, m=_tree.zeros_like(params),
                         v=_tree.zeros_like(params), v_max=v_max)

    def _update(self, theta, g, old, new, theta_new, lr):
        (beta1, beta2), t = self.betas, new.t
        if self._decoupled and self.weight_decay:  # AdamW: shrink θ
            theta = theta * (1 - lr * self.weight_decay)
        elif self.weight_decay:  # Adam: L2 penalty in the gradient
            g = g + self.weight_decay * theta

        np.add(beta1 * old.m, (1 - beta1) * g, out=new.m)  # m_t
        np.add(beta2 * old.v, (1 - beta2) * g * g, out=new.v)  # v_t
        v = new.v
        if self.amsgrad:  # the largest v_t so far
            v = np.maximum(old.v_max, new.v, out=new.v_max)

        m_hat = new.m / (1 - beta1**t)  # bias corrections
        v_hat = v / (1 - beta2**t)
        np.subtract(theta, lr * m_hat / (np.sqrt(v_hat) + self.eps),
                    out=theta_new)


class AdamW(Adam):
    r"""AdamW: Adam with decoupled weight decay, as torch.optim.AdamW.

    Before the Adam step (see `Adam`, here with λ = 0 in the gradient),
    θ shrinks toward 0 by a factor that does not pass through √v̂:

        θ_{t-1} ← θ_{t-1} (1 − η λ)
        θ_t = θ_{t-1} − η m̂_t / (√v̂_t + ε)

    η is `lr`, β₁ and β₂ are `betas`, ε `eps`, λ `weight_decay`.
    The state is an `AdamState`.

    Note:
        Loshchilov and Hutter (2019) multiply the decay by a schedule
        multiplier η_t but not by the base rate: θ ← θ − η_t λ θ.
        PyTorch multiplies by lr itself, so λ = 0.01 here decays far
        less per step than λ = 0.01 in the paper's notation.

    Args:
        lr: the learning rate η (a number >= 0 or a schedule).
        betas: (β₁, β₂), each in [0, 1).
        eps: ε >= 0, which keeps the division finite.
        weight_decay: λ >= 0, the decoupled decay rate (default 0.01).
        amsgrad: divide by the largest v_t seen so far (AMSGrad).

    Raises:
        ValueError: for lr, eps or weight_decay below 0, or a beta
            outside [0, 1).

    Example:
        >>> opt = AdamW(lr=0.1, weight_decay=0.5)
        >>> params = np.array([2.0, 2.0])
        >>> state = opt.init(params)
        >>> params, _ = opt.step(params, np.array([1.0, -1.0]), state)
        >>> params
        array([1.8, 2. ])
    """

    _decoupled = True

    def __init__(self, lr: LR = 1e-3,
                 betas: tuple[float, float] = (0.9, 0.999),
                 eps: float = 1e-8, weight_decay: float = 1e-2,
                 amsgrad: bool = False) -> None:
        super().__init__(lr, betas, eps, weight_decay, amsgrad)


def clip_grad_norm(grads: Params, max_norm: float
                   ) -> tuple[Params, float]:
    """Scale grads so that their global 2-norm is at most max_norm.

    As torch.nn.utils.clip_grad_norm_: with ‖g‖ the norm of all grads
    taken together as one vector, every gradient is multiplied by
    min(1, max_norm / (‖g‖ + 1e-6)), which keeps directions unchanged.

    Args:
        grads: an array or a dict of arrays.
        max_norm: the largest norm allowed, > 0.

    Returns:
        (clipped grads as new arrays, ‖g‖ before clipping).

    Raises:
        ValueError: if max_norm is not > 0 or grads hold NaN or inf.

    Example:
        >>> clipped, norm = clip_grad_norm(np.array([3.0, 4.0]), 1.0)
        >>> norm, np.round(clipped, 6)
        (5.0, array([0.6, 0.8]))
    """
    _require(max_norm > 0, "max_norm", "> 0", max_norm)
    norm = _tree.global_norm(grads)
    if not math.isfinite(norm):
        raise ValueError(f"grads must be finite to clip, their norm is "
                         f"{norm}")
    scale = min(1.0, max_norm / (norm + 1e-6))
    return _tree.map_leaves(lambda g: g * scale, grads), norm
