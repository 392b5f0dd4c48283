"""The loss functions the book optimizes, each with its gradient.

Every problem maps parameters θ (a 1-D float array `params`) to a loss
f(θ) and offers the same interface:

- `loss(params)`: f(θ) as a float. It also accepts a stack of points of
  shape (d, ...) and returns an array of shape (...), which is how the
  plots evaluate a whole grid at once (see `loss_grid`).
- `grad(params)`: the gradient ∇f(θ), an array shaped like `params`.
- `loss_and_grad(params)`: both at once, `(float, ndarray)`.
- `hessian_at(params)`: the matrix of second derivatives ∇²f(θ).
- `minimum`: the minimiser θ*, or None where there is none (a saddle) or
  where it is not unique (one equation in two unknowns).
- `min_loss`: f(θ*), or None when `minimum` is None.
- `bounds`: a default plotting box ((xmin, xmax), (ymin, ymax)) for 2-D
  problems, else None; `param_labels`: axis labels for the two params.
- `name`: a short name for titles and legends; `dim`: the length d of θ.

Problems do not count their evaluations; wrap `loss` in
`optim_lib.search.CountedLoss` to count them.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

Bounds = tuple[tuple[float, float], tuple[float, float]]
THETA_LABELS = (r"$\theta_1$", r"$\theta_2$")


class Problem:
    """The shared interface; subclasses define `_loss` and `_grad`.

    `_loss(theta)` receives `theta` of shape (d, ...) and returns f at
    every point, shape (...); `_grad(theta)` receives shape (d,).
    """

    name: str = "problem"
    dim: int = 2
    minimum: NDArray | None = None
    min_loss: float | None = None
    bounds: Bounds | None = None
    param_labels: tuple[str, str] = THETA_LABELS

    def loss(self, params: ArrayLike) -> float | NDArray:
        """The loss f(θ); for params of shape (d, ...) an array (...)."""
        theta = self._check(params, allow_stack=True)
        values = self._loss(theta)
        return float(values) if theta.ndim == 1 else np.asarray(values)

    def grad(self, params: ArrayLike) -> NDArray:
        """The gradient ∇f(θ), an array of shape (d,)."""
        return self._grad(self._check(params))

    def loss_and_grad(self, params: ArrayLike) -> tuple[float, NDArray]:
        """f(θ) and ∇f(θ) together, as `(float, ndarray)`."""
        theta = self._check(params)
        return float(self._loss(theta)), self._grad(theta)

    def hessian_at(self, params: ArrayLike) -> NDArray:
        """The Hessian ∇²f(θ), an array of shape (d, d)."""
        self._check(params)
        return np.array(self.hessian, dtype=float)

    def loss_grid(self, a_grid: ArrayLike, b_grid: ArrayLike) -> NDArray:
        """f on a grid of 2-D points, e.g. from `np.meshgrid`.

        Args:
            a_grid: first coordinates θ₁, any shape.
            b_grid: second coordinates θ₂, the same shape.

        Returns:
            The loss at every grid point, shaped like `a_grid`.

        Raises:
            ValueError: if the problem is not 2-D or the shapes differ.
        """
        a_grid, b_grid = np.asarray(a_grid), np.asarray(b_grid)
        if self.dim != 2:
            raise ValueError(f"loss_grid needs a 2-D problem; this one has "
                             f"dim={self.dim}")
        if a_grid.shape != b_grid.shape:
            raise ValueError(f"a_grid and b_grid must have the same shape; "
                             f"got {a_grid.shape} and {b_grid.shape}")
        return self.loss(np.stack([a_grid, b_grid]))

    def _check(self, params: ArrayLike, allow_stack: bool = False
               ) -> NDArray:
        """params as a float array of shape (d,), or (d, ...) if allowed."""
        theta = np.asarray(params, dtype=float)
        flat_ok = theta.ndim == 1 or (allow_stack and theta.ndim > 1)
        if not flat_ok or theta.shape[0] != self.dim:
            allowed = f"({self.dim},)"
            if allow_stack:
                allowed += f" or ({self.dim}, ...)"
            raise ValueError(f"params must have shape {allowed} for "
                             f"{self.name}; got shape {theta.shape}")
        return theta

    def _loss(self, theta: NDArray) -> NDArray:
        raise NotImplementedError

    def _grad(self, theta: NDArray) -> NDArray:
        raise NotImplementedError


def _as_points(x: ArrayLike, y: ArrayLike) -> tuple[NDArray, NDArray]:
    """Data points as two 1-D float arrays of equal, non-zero length."""
    xs = np.atleast_1d(np.asarray(x, dtype=float))
    ys = np.atleast_1d(np.asarray(y, dtype=float))
    if xs.ndim != 1 or ys.ndim != 1:
        raise ValueError(f"x and y must be numbers or 1-D arrays; got "
                         f"shapes {xs.shape} and {ys.shape}")
    if xs.size == 0:
        raise ValueError("x must hold at least one data point; got zero")
    if xs.shape != ys.shape:
        raise ValueError(f"x and y must have the same length; got "
                         f"{xs.size} and {ys.size}")
    if not (np.isfinite(xs).all() and np.isfinite(ys).all()):
        raise ValueError("x and y must be finite numbers")
    return xs, ys


def _round_box(center: NDArray, half_widths: tuple[float, float]
               ) -> Bounds:
    """A plotting box around `center`, with whole-number edges."""
    c0, c1 = (float(np.round(c)) for c in center)
    h0, h1 = half_widths
    return ((c0 - h0, c0 + h0), (c1 - h1, c1 + h1))


class _LineFit(Problem):
    """Squared residuals r_i = a·x_i + b − y_i of a line, summed or mean.

    The loss is c·Σᵢ rᵢ² with c = 1 (sum) or c = 1/n (mean). With the
    design matrix X whose rows are (x_i, 1), r = Xθ − y, so
    ∇f = 2c·Xᵀr and ∇²f = 2c·XᵀX.
    """

    dim = 2
    param_labels = ("$a$", "$b$")
    _mean = False

    def __init__(self, x: ArrayLike, y: ArrayLike):
        self.xs, self.ys = _as_points(x, y)
        self.n = self.xs.size
        design = np.column_stack([self.xs, np.ones(self.n)])
        self.hessian = 2.0 * self._scale(self.n) * design.T @ design

        unique = np.unique(self.xs).size >= 2
        self.minimum = self.nearest_solution(np.zeros(2)) if unique else None
        self.min_loss = None if self.minimum is None else \
            self.loss(self.minimum)
        center = self.nearest_solution(np.zeros(2))
        self.bounds = _round_box(center, (3.0, 5.0))

    def _scale(self, count: int) -> float:
        return 1.0 / count if self._mean else 1.0

    def _residuals(self, theta: NDArray, xs: NDArray, ys: NDArray
                   ) -> NDArray:
        """r_i for every point; theta (2, ...) gives shape (..., n)."""
        return theta[0][..., None] * xs + theta[1][..., None] - ys

    def _loss(self, theta: NDArray) -> NDArray:
        r = self._residuals(theta, self.xs, self.ys)
        return self._scale(self.n) * np.sum(r ** 2, axis=-1)

    def _grad(self, theta: NDArray) -> NDArray:
        r = self._residuals(theta, self.xs, self.ys)
        c = 2.0 * self._scale(self.n)
        return c * np.array([np.dot(r, self.xs), np.sum(r)])

    def best_intercept(self, a: ArrayLike) -> float | NDArray:
        """The b that minimises the loss for a fixed slope a.

        Setting ∂f/∂b = 0 gives b = mean(y_i − a·x_i). For one equation
        this is b = y − a·x, the line of exact solutions: the floor of
        the valley in the (a, b) plane.
        """
        a = np.asarray(a, dtype=float)
        b = np.mean(self.ys - a[..., None] * self.xs, axis=-1)
        return float(b) if b.ndim == 0 else b

    def nearest_solution(self, params: ArrayLike) -> NDArray:
        """The minimiser of the loss closest to `params` (Euclidean).

        With X the design matrix and X⁺ its pseudo-inverse, this is
        θ + X⁺(y − Xθ). From θ = 0 it is the minimum-norm solution.
        Gradient descent started at θ₀ converges to this point.
        """
        theta = self._check(params)
        design = np.column_stack([self.xs, np.ones(self.n)])
        return theta + np.linalg.pinv(design) @ (self.ys - design @ theta)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(n={self.n})"


class LinearEquation(_LineFit):
    """Find a and b with a·x + b = y: the book's seed problem.

    With one data point (x, y) the loss is the squared error

        f(a, b) = (a·x + b − y)²,

    zero on the whole line b = y − a·x: the minimiser is not unique and
    `minimum` is None (use `best_intercept` or `nearest_solution`). With
    several points x_i, y_i the loss is the sum f = Σᵢ (a·x_i + b − y_i)²;
    with two or more distinct x_i, `minimum` is the unique least-squares
    solution.

    Args:
        x: the input, a number or a 1-D array of inputs x_i.
        y: the wanted output(s), the same shape as `x`.

    Raises:
        ValueError: if there are zero points, the lengths differ or a
            value is not finite.

    Example:
        >>> eq = LinearEquation(x=3.0, y=7.0)
        >>> eq.loss([2.0, 1.0]), eq.loss([0.0, 0.0])
        (0.0, 49.0)
        >>> LinearEquation(x=[3.0, 5.0], y=[7.0, 11.0]).minimum
        array([2., 1.])
    """

    def __init__(self, x: ArrayLike = 3.0, y: ArrayLike = 7.0):
        super().__init__(x, y)
        self.name = "linear equation" if self.n == 1 else \
            f"{self.n} linear equations"

    def __repr__(self) -> str:
        if self.n == 1:
            return f"LinearEquation(x={self.xs[0]:g}, y={self.ys[0]:g})"
        return f"LinearEquation(n={self.n})"


class LeastSquaresLine(_LineFit):
    """Fit a line a·x + b to data by the mean squared error.

        f(a, b) = (1/n) Σᵢ (a·x_i + b − y_i)²

    A minibatch B of indices gives the loss and gradient of the same
    formula over those points only, (1/|B|) Σ_{i∈B} (a·x_i + b − y_i)²:
    an unbiased estimate of f and ∇f when B is drawn uniformly.

    Args:
        xs: the inputs x_i, a 1-D array.
        ys: the targets y_i, the same length.

    Raises:
        ValueError: if there are zero points, the lengths differ or a
            value is not finite.

    Example:
        >>> fit = LeastSquaresLine([0.0, 1.0, 2.0], [1.0, 3.0, 5.0])
        >>> fit.solution()
        array([2., 1.])
        >>> fit.loss([2.0, 1.0], batch=[0, 2])
        0.0
    """

    _mean = True

    def __init__(self, xs: ArrayLike, ys: ArrayLike):
        super().__init__(xs, ys)
        self.name = "least-squares line"

    @classmethod
    def sample(cls, n: int, rng: np.random.Generator, *,
               slope: float = 2.0, intercept: float = 1.0,
               noise: float = 0.5,
               x_range: tuple[float, float] = (-1.0, 3.0)
               ) -> LeastSquaresLine:
        """Noisy data from a true line, y_i = slope·x_i + intercept + ε_i.

        Args:
            n: number of data points, at least 1.
            rng: the random generator for x_i ~ U(x_range) and the noise
                ε_i ~ N(0, noise²).
            slope: true slope a.
            intercept: true intercept b.
            noise: standard deviation of ε_i, at least 0.
            x_range: (low, high) of the inputs, low < high.

        Returns:
            A LeastSquaresLine on the sampled data.

        Raises:
            ValueError: if n < 1, noise < 0 or low >= high.
        """
        if int(n) != n or n < 1:
            raise ValueError(f"n must be a whole number >= 1; got {n!r}")
        if not noise >= 0:
            raise ValueError(f"noise must be >= 0; got {noise!r}")
        low, high = x_range
        if not low < high:
            raise ValueError(f"x_range must be (low, high) with low < high; "
                             f"got {x_range!r}")
        xs = rng.uniform(low, high, size=int(n))
        ys = slope * xs + intercept + noise * rng.standard_normal(int(n))
        return cls(xs, ys)

    def solution(self) -> NDArray:
        """The least-squares optimum (a*, b*), or the minimum-norm one."""
        return self.nearest_solution(np.zeros(2))

    def loss(self, params: ArrayLike, batch: ArrayLike | None = None
             ) -> float | NDArray:
        """Mean squared error over all points, or over `batch` only."""
        if batch is None:
            return super().loss(params)
        theta = self._check(params, allow_stack=True)
        xs, ys = self._batch(batch)
        r = self._residuals(theta, xs, ys)
        values = np.mean(r ** 2, axis=-1)
        return float(values) if theta.ndim == 1 else values

    def grad(self, params: ArrayLike, batch: ArrayLike | None = None
             ) -> NDArray:
        """∇f over all points, or over the minibatch `batch`."""
        return self.loss_and_grad(params, batch)[1]

    def loss_and_grad(self, params: ArrayLike,
                      batch: ArrayLike | None = None
                      ) -> tuple[float, NDArray]:
        """Loss and gradient over all points or over the index array."""
        theta = self._check(params)
        xs, ys = (self.xs, self.ys) if batch is None else self._batch(batch)
        r = self._residuals(theta, xs, ys)
        grads = 2.0 / xs.size * np.array([np.dot(r, xs), np.sum(r)])
        return float(np.mean(r ** 2)), grads

    def _batch(self, batch: ArrayLike) -> tuple[NDArray, NDArray]:
        """The data points picked by an index array."""
        index = np.asarray(batch)
        if index.ndim != 1 or index.size == 0:
            raise ValueError(f"batch must be a non-empty 1-D index array; "
                             f"got shape {index.shape}")
        if not np.issubdtype(index.dtype, np.integer):
            raise ValueError(f"batch must hold integer indices; got dtype "
                             f"{index.dtype}")
        if index.min() < 0 or index.max() >= self.n:
            raise ValueError(f"batch indices must lie in [0, {self.n - 1}]; "
                             f"got {index.min()} to {index.max()}")
        return self.xs[index], self.ys[index]


def _rotation(angle: float) -> NDArray:
    """The 2-D rotation matrix by `angle` radians."""
    c, s = np.cos(angle), np.sin(angle)
    return np.array([[c, -s], [s, c]])


class Quadratic(Problem):
    """A convex quadratic bowl, the model of every smooth minimum.

        f(θ) = ½ (θ − θ*)ᵀ H (θ − θ*),   ∇f(θ) = H (θ − θ*),   ∇²f = H

    with the Hessian H symmetric positive definite. Its eigenvalues λᵢ are the
    curvatures along its axes; the condition number κ = λ_max / λ_min says
    how stretched the bowl is.

    Args:
        hessian: the matrix H, shape (d, d), symmetric positive definite.
        minimum: the minimiser θ*, shape (d,); zeros if None.

    Raises:
        ValueError: if H is not square, not symmetric or not positive
            definite, or `minimum` has the wrong shape.

    Example:
        >>> bowl = Quadratic([[1.0, 0.0], [0.0, 10.0]])
        >>> bowl.loss([1.0, 1.0]), bowl.condition_number
        (5.5, 10.0)
    """

    def __init__(self, hessian: ArrayLike, minimum: ArrayLike | None = None):
        matrix = np.array(hessian, dtype=float)
        if matrix.ndim != 2 or matrix.shape[0] != matrix.shape[1] \
                or matrix.size == 0:
            raise ValueError(f"hessian must be a square (d, d) matrix; got "
                             f"shape {matrix.shape}")
        if not np.allclose(matrix, matrix.T):
            raise ValueError("hessian must be symmetric")
        self.dim = matrix.shape[0]
        self.eigenvalues = np.linalg.eigvalsh(matrix)
        if not self.eigenvalues[0] > 0:
            raise ValueError(f"hessian must be positive definite; its "
                             f"smallest eigenvalue is "
                             f"{self.eigenvalues[0]:.3g}")
        self.hessian = matrix
        self.minimum = self._minimum_from(minimum)
        self.min_loss = 0.0
        self.condition_number = float(self.eigenvalues[-1]
                                      / self.eigenvalues[0])
        self.name = f"quadratic (κ = {self.condition_number:.3g})"
        self.bounds = _round_box(self.minimum, (2.0, 2.0)) \
            if self.dim == 2 else None

    def _minimum_from(self, minimum: ArrayLike | None) -> NDArray:
        if minimum is None:
            return np.zeros(self.dim)
        point = np.asarray(minimum, dtype=float)
        if point.shape != (self.dim,):
            raise ValueError(f"minimum must have shape ({self.dim},); got "
                             f"{point.shape}")
        return point

    @classmethod
    def from_eigenvalues(cls, eigenvalues: ArrayLike, *, angle: float = 0.0,
                         rng: np.random.Generator | None = None,
                         minimum: ArrayLike | None = None) -> Quadratic:
        """H = Q diag(λᵢ) Qᵀ from curvatures λᵢ and a rotation Q.

        Args:
            eigenvalues: the λᵢ, all > 0; their count is d.
            angle: for d = 2, rotate the axes by this many radians
                (0 keeps θ₁ along λ₁ and θ₂ along λ₂).
            rng: if given, Q is a random rotation drawn from it (any d);
                do not combine with a non-zero `angle`.
            minimum: θ*, zeros if None.

        Raises:
            ValueError: if an eigenvalue is not > 0, `angle` is used with
                d != 2 or together with `rng`.
        """
        lam = np.atleast_1d(np.asarray(eigenvalues, dtype=float))
        if lam.ndim != 1 or lam.size == 0 or not np.all(lam > 0):
            raise ValueError(f"eigenvalues must be a non-empty 1-D array of "
                             f"positive numbers; got {eigenvalues!r}")
        if angle != 0.0 and (lam.size != 2 or rng is not None):
            raise ValueError("angle is only allowed for d = 2 and without "
                             "rng")
        if rng is not None:
            q, r = np.linalg.qr(rng.standard_normal((lam.size, lam.size)))
            rotation = q * np.sign(np.diag(r))
        elif lam.size == 2:
            rotation = _rotation(angle)
        else:
            rotation = np.eye(lam.size)
        hessian = rotation @ np.diag(lam) @ rotation.T
        return cls((hessian + hessian.T) / 2, minimum=minimum)

    @classmethod
    def from_condition_number(cls, kappa: float, dim: int = 2, *,
                              largest: float = 1.0, angle: float = 0.0,
                              rng: np.random.Generator | None = None,
                              minimum: ArrayLike | None = None
                              ) -> Quadratic:
        """A bowl with condition number κ and largest curvature λ_max.

        The eigenvalues are spaced geometrically from λ_max/κ up to
        λ_max, so with the default λ_max = 1 every κ is stable for step
        sizes η < 2. For d = 2 and angle 0, θ₁ is the flat axis
        (λ_min = λ_max/κ) and θ₂ the steep one (λ_max).

        Args:
            kappa: κ = λ_max / λ_min, at least 1.
            dim: d, at least 1 (κ must be 1 when d = 1).
            largest: λ_max, > 0.
            angle, rng, minimum: as in `from_eigenvalues`.

        Raises:
            ValueError: if κ < 1, dim < 1 or largest <= 0.
        """
        if not kappa >= 1:
            raise ValueError(f"kappa must be >= 1; got {kappa!r}")
        if int(dim) != dim or dim < 1:
            raise ValueError(f"dim must be a whole number >= 1; got {dim!r}")
        if dim == 1 and kappa != 1:
            raise ValueError(f"kappa must be 1 when dim is 1; got {kappa!r}")
        if not largest > 0:
            raise ValueError(f"largest must be > 0; got {largest!r}")
        lam = largest * np.geomspace(1.0 / kappa, 1.0, int(dim))
        return cls.from_eigenvalues(lam, angle=angle, rng=rng,
                                    minimum=minimum)

    def _loss(self, theta: NDArray) -> NDArray:
        diff = theta - self.minimum.reshape((-1,) + (1,) * (theta.ndim - 1))
        return 0.5 * np.einsum("i...,ij,j...->...", diff, self.hessian, diff)

    def _grad(self, theta: NDArray) -> NDArray:
        return self.hessian @ (theta - self.minimum)

    def __repr__(self) -> str:
        return f"Quadratic(dim={self.dim}, κ={self.condition_number:.4g})"


class Rosenbrock(Problem):
    """Rosenbrock's banana valley, a classic hard test for optimizers.

        f(x, y) = (a − x)² + b (y − x²)²

    The minimum θ* = (a, a²) lies at the bottom of a long curved valley:
    finding the valley is easy, following it is slow.

    Args:
        a: position of the minimum, any number.
        b: steepness of the valley walls, > 0.

    Raises:
        ValueError: if b <= 0.

    Example:
        >>> Rosenbrock().loss([1.0, 1.0]), Rosenbrock().loss([0.0, 0.0])
        (0.0, 1.0)
    """

    name = "Rosenbrock"

    def __init__(self, a: float = 1.0, b: float = 100.0):
        if not b > 0:
            raise ValueError(f"b must be > 0; got {b!r}")
        self.a, self.b = float(a), float(b)
        self.minimum = np.array([self.a, self.a ** 2])
        self.min_loss = 0.0
        self.bounds = ((self.a - 3.0, self.a + 1.0),
                       (self.a ** 2 - 2.0, self.a ** 2 + 2.0))

    def _loss(self, theta: NDArray) -> NDArray:
        x, y = theta[0], theta[1]
        return (self.a - x) ** 2 + self.b * (y - x ** 2) ** 2

    def _grad(self, theta: NDArray) -> NDArray:
        x, y = theta
        inner = y - x ** 2
        return np.array([-2.0 * (self.a - x) - 4.0 * self.b * x * inner,
                         2.0 * self.b * inner])

    def hessian_at(self, params: ArrayLike) -> NDArray:
        """∇²f(θ) = [[2 − 4b(y − 3x²), −4bx], [−4bx, 2b]]."""
        x, y = self._check(params)
        cross = -4.0 * self.b * x
        return np.array([[2.0 - 4.0 * self.b * (y - 3.0 * x ** 2), cross],
                         [cross, 2.0 * self.b]])

    def __repr__(self) -> str:
        return f"Rosenbrock(a={self.a:g}, b={self.b:g})"


class Beale(Problem):
    """Beale's function: flat plateaus and sharp ridges.

        f(x, y) = Σ_{k=1}^{3} (c_k − x + x·y^k)²,  c = (1.5, 2.25, 2.625)

    Its minimum is θ* = (3, 0.5) with f = 0; the loss spans many orders
    of magnitude across the plotting box, so contours use a log scale.

    Example:
        >>> Beale().loss([3.0, 0.5])
        0.0
    """

    name = "Beale"
    _c = np.array([1.5, 2.25, 2.625])
    _k = np.array([1, 2, 3])

    def __init__(self) -> None:
        self.minimum = np.array([3.0, 0.5])
        self.min_loss = 0.0
        self.bounds = ((-4.5, 4.5), (-4.5, 4.5))

    def _residuals(self, x: NDArray, y: NDArray) -> NDArray:
        x, y = np.asarray(x)[..., None], np.asarray(y)[..., None]
        return self._c - x + x * y ** self._k

    def _loss(self, theta: NDArray) -> NDArray:
        return np.sum(self._residuals(theta[0], theta[1]) ** 2, axis=-1)

    def _grad(self, theta: NDArray) -> NDArray:
        x, y = theta
        r = self._residuals(x, y)
        dr_dx = y ** self._k - 1.0
        dr_dy = x * self._k * y ** (self._k - 1)
        return np.array([2.0 * np.dot(r, dr_dx), 2.0 * np.dot(r, dr_dy)])

    def hessian_at(self, params: ArrayLike) -> NDArray:
        """∇²f(θ) = 2 Σ_k (∇r_k ∇r_kᵀ + r_k ∇²r_k)."""
        x, y = self._check(params)
        k = self._k
        r = self._residuals(x, y)
        jac = np.stack([y ** k - 1.0, x * k * y ** (k - 1)])
        d2_xy = k * y ** (k - 1)
        d2_yy = x * k * (k - 1) * y ** np.maximum(k - 2, 0)
        second = np.array([[0.0, np.dot(r, d2_xy)],
                           [np.dot(r, d2_xy), np.dot(r, d2_yy)]])
        return 2.0 * (jac @ jac.T + second)

    def __repr__(self) -> str:
        return "Beale()"


class Saddle(Problem):
    """A saddle point: up along θ₁, down along θ₂.

        f(x, y) = x² − y²,   ∇f = (2x, −2y),   ∇²f = diag(2, −2)

    The gradient vanishes at the origin, but the origin is not a minimum:
    the loss has no minimum at all (it falls without bound along y), so
    `minimum` and `min_loss` are None. `stationary_point` is the origin.

    Example:
        >>> Saddle().loss([1.0, 2.0]), Saddle().minimum is None
        (-3.0, True)
    """

    name = "saddle"

    def __init__(self) -> None:
        self.minimum = None
        self.min_loss = None
        self.stationary_point = np.zeros(2)
        self.hessian = np.diag([2.0, -2.0])
        self.bounds = ((-2.0, 2.0), (-2.0, 2.0))

    def _loss(self, theta: NDArray) -> NDArray:
        return theta[0] ** 2 - theta[1] ** 2

    def _grad(self, theta: NDArray) -> NDArray:
        return np.array([2.0 * theta[0], -2.0 * theta[1]])

    def __repr__(self) -> str:
        return "Saddle()"
