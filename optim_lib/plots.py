"""Figures the chapters share: loss landscapes, paths and loss curves.

Every helper takes a Matplotlib `Axes`, draws on it, sets a title and
axis labels (pass your own to override) and returns the same `Axes`.
None of them calls `plt.show()`; the notebook decides when to show.

Colours come from the Okabe–Ito palette, which stays distinguishable
with the common forms of colour blindness, and paths also differ by line
style and marker so that they can be told apart in grey. Contours use
the perceptually uniform `viridis` colour map.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
from matplotlib.axes import Axes
from numpy.typing import ArrayLike, NDArray

COLORS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7",
          "#E69F00", "#56B4E9", "#000000", "#F0E442")
LINESTYLES = ("-", "--", "-.", ":")
MARKERS = ("o", "s", "^", "D", "v", "P")
CMAP = "viridis"
KINDS = ("contour", "surface")


def style(index: int) -> dict[str, Any]:
    """Colour, line style and marker for the `index`-th curve or path."""
    return {"color": COLORS[index % len(COLORS)],
            "linestyle": LINESTYLES[index % len(LINESTYLES)],
            "marker": MARKERS[index % len(MARKERS)]}


def landscape(ax: Axes, problem: Any, bounds: Any = None,
              kind: str = "contour", paths: Any = None, *,
              levels: int | ArrayLike = 20, log_levels: bool | None = None,
              resolution: int | None = None, filled: bool = False,
              colorbar: bool = False, title: str | None = None) -> Axes:
    """Draw the loss f(θ₁, θ₂) of a 2-D problem, with optional paths.

    Args:
        ax: where to draw; for kind="surface" a 3-D Axes, made with
            `fig.add_subplot(projection="3d")`.
        problem: a 2-D problem from `optim_lib.problems` (anything with
            `loss` accepting a (2, ...) stack, `dim`, `bounds`, `name`).
        bounds: ((xmin, xmax), (ymin, ymax)); `problem.bounds` if None.
        kind: "contour" (level lines, seen from above) or "surface".
        paths: optimizer paths to draw on top, a dict label -> path, or
            one path; a path is a (k, 2) array of θ's or anything with a
            `.params` array of that shape (a `Trajectory`).
        levels: number of contour levels, or the levels themselves.
        log_levels: space the levels logarithmically. If None, chosen
            automatically: log when the loss is non-negative and spans
            a range much larger than its median (as on Rosenbrock).
            For a surface, True plots log₁₀ f instead of f.
        resolution: grid points per axis (150 contour, 60 surface).
        filled: fill between contour levels instead of drawing lines.
        colorbar: add a colour bar labelled "loss" (contour only).
        title: the title; "Loss landscape: <problem name>" if None.

    Returns:
        The same Axes.

    Raises:
        ValueError: if kind is unknown, the problem is not 2-D, bounds
            are malformed or have low >= high, a surface is asked of a
            2-D Axes, or a path does not have shape (k, 2).
    """
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {KINDS}; got {kind!r}")
    if getattr(problem, "dim", None) != 2:
        raise ValueError(f"problem must be 2-D to draw a landscape; got "
                         f"dim={getattr(problem, 'dim', None)}")
    is_3d = getattr(ax, "name", "") == "3d"
    if kind == "surface" and not is_3d:
        raise ValueError("kind='surface' needs a 3-D Axes: use "
                         "fig.add_subplot(projection='3d')")

    box = _check_bounds(problem.bounds if bounds is None else bounds)
    if resolution is None:
        resolution = 150 if kind == "contour" else 60
    grid_a, grid_b, values = _grid(problem, box, resolution)

    log_floor = None
    if kind == "contour":
        _contour(ax, grid_a, grid_b, values, levels, log_levels, filled,
                 colorbar)
    else:
        log_floor = _log_floor(values) if log_levels else None
        _surface(ax, grid_a, grid_b, values, log_floor)
    _add_paths(ax, problem, paths, surface=kind == "surface",
               log_floor=log_floor)

    ax.set_xlim(*box[0])
    ax.set_ylim(*box[1])
    labels = getattr(problem, "param_labels", (r"$\theta_1$", r"$\theta_2$"))
    ax.set_xlabel(labels[0])
    ax.set_ylabel(labels[1])
    ax.set_title(f"Loss landscape: {problem.name}" if title is None
                 else title)
    return ax


def _check_bounds(bounds: Any) -> tuple[tuple[float, float], ...]:
    """bounds as ((xmin, xmax), (ymin, ymax)) floats, low < high."""
    try:
        box = np.asarray(bounds, dtype=float)
    except (TypeError, ValueError):
        box = np.empty(0)
    if box.shape != (2, 2) or not np.isfinite(box).all():
        raise ValueError(f"bounds must be ((xmin, xmax), (ymin, ymax)) with "
                         f"finite numbers; got {bounds!r}")
    if not (box[:, 0] < box[:, 1]).all():
        raise ValueError(f"bounds must have each lower bound below its "
                         f"upper bound; got {bounds!r}")
    return tuple((float(low), float(high)) for low, high in box)


def _grid(problem: Any, box: Sequence[tuple[float, float]],
          resolution: int) -> tuple[NDArray, NDArray, NDArray]:
    """The loss on a resolution × resolution grid over the box."""
    if int(resolution) != resolution or resolution < 2:
        raise ValueError(f"resolution must be a whole number >= 2; got "
                         f"{resolution!r}")
    axis_a = np.linspace(*box[0], int(resolution))
    axis_b = np.linspace(*box[1], int(resolution))
    grid_a, grid_b = np.meshgrid(axis_a, axis_b)
    values = np.asarray(problem.loss(np.stack([grid_a, grid_b])))
    return grid_a, grid_b, values


def contour_levels(values: ArrayLike, levels: int | ArrayLike = 20,
                   log_levels: bool | None = None) -> NDArray:
    """Contour levels for loss values: evenly or logarithmically spaced.

    Args:
        values: the loss on a grid.
        levels: how many levels, or the levels themselves (returned
            sorted).
        log_levels: geometric spacing; if None, used when the values are
            non-negative and their range exceeds 12 times their median
            (above the minimum). Even spacing is in fact squared for
            non-negative values, so a quadratic bowl gets evenly spaced
            rings.

    Returns:
        A 1-D increasing array of levels.
    """
    if np.ndim(levels) > 0:
        return np.sort(np.asarray(levels, dtype=float))
    z = np.asarray(values, dtype=float)
    z = z[np.isfinite(z)]
    low, high = float(z.min()), float(z.max())
    if log_levels is None:
        spread = np.median(z) - low
        log_levels = low >= 0 and (high - low) > 12.0 * max(spread, 1e-300)
    if log_levels:
        return np.geomspace(_log_floor(z), high, int(levels))
    steps = np.linspace(0.0, 1.0, int(levels) + 2)[1:-1]
    if low >= 0:
        # Squared spacing: a quadratic bowl gets evenly spaced rings.
        steps = steps ** 2
    return low + (high - low) * steps


def _log_floor(values: NDArray) -> float:
    """The smallest value worth a log scale: 10⁻⁶ of the largest."""
    high = float(np.max(values))
    positive = values[values > 0]
    smallest = float(positive.min()) if positive.size else high
    return max(smallest, high * 1e-6)


def _contour(ax: Axes, grid_a: NDArray, grid_b: NDArray, values: NDArray,
             levels: Any, log_levels: bool | None, filled: bool,
             colorbar: bool) -> None:
    """Level lines (or filled bands) of the loss."""
    lv = contour_levels(values, levels, log_levels)
    if filled:
        drawn = ax.contourf(grid_a, grid_b, values, levels=lv, cmap=CMAP,
                            extend="both")
    else:
        drawn = ax.contour(grid_a, grid_b, values, levels=lv, cmap=CMAP,
                           linewidths=0.8)
    if colorbar:
        ax.figure.colorbar(drawn, ax=ax, label="loss")


def _surface(ax: Axes, grid_a: NDArray, grid_b: NDArray, values: NDArray,
             log_floor: float | None) -> None:
    """The loss (or log₁₀ of it, above `log_floor`) as a height map."""
    log_z = log_floor is not None
    heights = np.log10(np.maximum(values, log_floor)) if log_z else values
    ax.plot_surface(grid_a, grid_b, heights, cmap=CMAP, alpha=0.85,
                    linewidth=0, antialiased=True)
    ax.set_zlabel(r"$\log_{10}$ loss" if log_z else "loss")


def _as_path(path: Any) -> NDArray:
    """A (k, 2) array from an array or an object with `.params`."""
    points = np.asarray(getattr(path, "params", path), dtype=float)
    if points.ndim == 1 and points.shape == (2,):
        points = points[None, :]
    if points.ndim != 2 or points.shape[1] != 2 or len(points) == 0:
        raise ValueError(f"a path must be a (k, 2) array of parameters; got "
                         f"shape {points.shape}")
    return points


def _add_paths(ax: Axes, problem: Any, paths: Any, surface: bool,
               log_floor: float | None) -> None:
    """Draw each path in its own style; add a legend if labelled."""
    if paths is None:
        return
    if not isinstance(paths, Mapping):
        paths = {None: paths}
    for index, (label, path) in enumerate(paths.items()):
        draw_path(ax, path, label=label, index=index,
                  problem=problem if surface else None,
                  log_floor=log_floor)
    if any(label is not None for label in paths):
        ax.legend(loc="best", fontsize="small")


def draw_path(ax: Axes, path: Any, *, label: str | None = None,
              index: int = 0, problem: Any = None,
              log_floor: float | None = None) -> Axes:
    """Draw one optimizer path θ₀, θ₁, …: a line, its start circled.

    Args:
        ax: a 2-D Axes, or a 3-D Axes when `problem` is given.
        path: a (k, 2) array of parameters, or an object with `.params`.
        label: legend label, or None.
        index: picks the colour, line style and marker (see `style`).
        problem: if given, the path is lifted to height f(θ) (surface).
        log_floor: if given, lift to log₁₀ max(f(θ), log_floor)
            instead, matching a log surface.

    Returns:
        The same Axes.
    """
    points = _as_path(path)
    look = style(index)
    marker = look["marker"] if len(points) <= 60 else None
    coords = [points[:, 0], points[:, 1]]
    if problem is not None:
        heights = np.asarray(problem.loss(points.T), dtype=float)
        coords.append(heights if log_floor is None
                      else np.log10(np.maximum(heights, log_floor)))
    ax.plot(*coords, color=look["color"], linestyle=look["linestyle"],
            marker=marker, markersize=3, linewidth=1.5, label=label,
            zorder=3)
    start = [c[:1] for c in coords]
    ax.plot(*start, marker="o", markersize=8, markerfacecolor="none",
            markeredgecolor=look["color"], linestyle="none", zorder=4)
    return ax


def mark_minimum(ax: Axes, problem: Any, *, label: str | None = "minimum"
                 ) -> Axes:
    """Mark the problem's minimiser θ* with a star (nothing if None)."""
    minimum = getattr(problem, "minimum", None)
    if minimum is None:
        return ax
    ax.plot(minimum[0], minimum[1], marker="*", markersize=14,
            color="white", markeredgecolor="black", linestyle="none",
            label=label, zorder=5)
    return ax


def loss_curves(ax: Axes, curves: Mapping[str, Any] | Any, log: bool = True,
                xlabel: str = "step", *, ylabel: str | None = None,
                min_loss: float | None = None,
                title: str | None = "Loss during optimization") -> Axes:
    """Plot one loss curve per label, against the step number.

    Args:
        ax: where to draw.
        curves: dict label -> losses (a 1-D array, or anything with a
            `.losses` array, such as a `Trajectory`), or one such curve.
        log: use a log scale on the y axis (non-positive values are
            then left out by Matplotlib).
        xlabel: label of the x axis.
        ylabel: label of the y axis; "loss" (or "loss − minimum") if None.
        min_loss: if given, plot f(θ_t) − min_loss, the distance to the
            best possible loss.
        title: the title, or None for none.

    Returns:
        The same Axes.

    Raises:
        ValueError: if a curve is not a non-empty 1-D array.
    """
    if not isinstance(curves, Mapping):
        curves = {None: curves}
    for index, (label, curve) in enumerate(curves.items()):
        losses = np.asarray(getattr(curve, "losses", curve), dtype=float)
        if losses.ndim != 1 or losses.size == 0:
            raise ValueError(f"curve {label!r} must be a non-empty 1-D "
                             f"array of losses; got shape {losses.shape}")
        if min_loss is not None:
            losses = losses - min_loss
        look = style(index)
        ax.plot(np.arange(losses.size), losses, color=look["color"],
                linestyle=look["linestyle"], linewidth=1.5, label=label)
    if log:
        ax.set_yscale("log")
    ax.set_xlabel(xlabel)
    default = "loss" if min_loss is None else "loss \u2212 minimum"
    ax.set_ylabel(default if ylabel is None else ylabel)
    if title is not None:
        ax.set_title(title)
    if any(label is not None for label in curves):
        ax.legend(loc="best", fontsize="small")
    return ax


def data_and_lines(ax: Axes, problem: Any,
                   lines: Mapping[str, ArrayLike] | None = None, *,
                   x_range: tuple[float, float] | None = None,
                   title: str | None = "Data and lines") -> Axes:
    """Scatter a line problem's points (x_i, y_i) and draw lines a·x + b.

    Args:
        ax: where to draw.
        problem: a `LinearEquation` or `LeastSquaresLine` (has `xs`, `ys`).
        lines: dict label -> params (a, b) of each line to draw.
        x_range: (low, high) of x over which to draw the lines; if None,
            the data's range widened by half of it on each side.
        title: the title, or None for none.

    Returns:
        The same Axes.

    Raises:
        ValueError: if x_range does not have low < high.
    """
    xs, ys = np.asarray(problem.xs), np.asarray(problem.ys)
    if x_range is None:
        span = max(float(np.ptp(xs)), 1.0)
        x_range = (xs.min() - 0.5 * span, xs.max() + 0.5 * span)
    if len(x_range) != 2 or not x_range[0] < x_range[1]:
        raise ValueError(f"x_range must be (low, high) with low < high; "
                         f"got {x_range!r}")
    ax.plot(xs, ys, "o", color="black", markersize=5, label="data",
            zorder=4)
    x_line = np.linspace(*x_range, 50)
    for index, (label, params) in enumerate((lines or {}).items()):
        a, b = np.asarray(params, dtype=float)
        look = style(index)
        ax.plot(x_line, a * x_line + b, color=look["color"],
                linestyle=look["linestyle"], linewidth=1.5, label=label)
    ax.set_xlabel("$x$")
    ax.set_ylabel("$y$")
    if title is not None:
        ax.set_title(title)
    ax.legend(loc="best", fontsize="small")
    return ax
