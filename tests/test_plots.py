"""Tests for optim_lib.plots: what the helpers draw, and bad input."""

from types import SimpleNamespace

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from optim_lib import plots, problems  # noqa: E402


@pytest.fixture
def ax():
    fig, axes = plt.subplots()
    yield axes
    plt.close(fig)


@pytest.fixture
def ax3d():
    fig = plt.figure()
    axes = fig.add_subplot(projection="3d")
    yield axes
    plt.close(fig)


PATH = np.array([[-1.0, 2.0], [0.0, 1.0], [1.0, 1.0]])


@pytest.mark.parametrize("problem", [
    problems.LinearEquation(), problems.Rosenbrock(), problems.Beale(),
    problems.Saddle(), problems.Quadratic.from_condition_number(10.0),
], ids=repr)
def test_landscape_contour_returns_ax_with_labels(ax, problem):
    returned = plots.landscape(ax, problem, paths={"path": PATH})
    assert returned is ax
    assert ax.get_title() == f"Loss landscape: {problem.name}"
    assert ax.get_xlabel() == problem.param_labels[0]
    assert ax.get_ylabel() == problem.param_labels[1]
    assert ax.get_xlim() == problem.bounds[0]
    assert ax.get_legend() is not None


def test_landscape_draws_the_path_points(ax):
    plots.landscape(ax, problems.Rosenbrock(), paths={"gd": PATH})
    labelled = [line for line in ax.get_lines() if line.get_label() == "gd"]
    assert len(labelled) == 1
    np.testing.assert_allclose(labelled[0].get_xydata(), PATH)


def test_landscape_accepts_one_path_and_trajectory_like(ax):
    trajectory = SimpleNamespace(params=PATH)
    plots.landscape(ax, problems.Rosenbrock(), paths=trajectory)
    assert ax.get_legend() is None
    np.testing.assert_allclose(ax.get_lines()[0].get_xydata(), PATH)


def test_landscape_bounds_and_title_override(ax):
    plots.landscape(ax, problems.Saddle(), bounds=((-1, 1), (0, 3)),
                    title="Mine")
    assert ax.get_xlim() == (-1.0, 1.0) and ax.get_ylim() == (0.0, 3.0)
    assert ax.get_title() == "Mine"


def test_landscape_levels_given_explicitly(ax):
    plots.landscape(ax, problems.Rosenbrock(), levels=[1.0, 10.0, 100.0])
    contour = ax.collections[0]
    np.testing.assert_allclose(contour.levels, [1.0, 10.0, 100.0])


def test_filled_contour_with_colorbar(ax):
    plots.landscape(ax, problems.Saddle(), filled=True, colorbar=True)
    assert len(ax.figure.axes) == 2
    assert ax.figure.axes[1].get_ylabel() == "loss"


def test_surface_needs_a_3d_axes(ax, ax3d):
    with pytest.raises(ValueError, match="3-D Axes"):
        plots.landscape(ax, problems.Rosenbrock(), kind="surface")
    returned = plots.landscape(ax3d, problems.Rosenbrock(), kind="surface",
                               paths={"p": PATH})
    assert returned is ax3d
    assert ax3d.get_zlabel() == "loss"
    line = [x for x in ax3d.get_lines() if x.get_label() == "p"][0]
    heights = line.get_data_3d()[2]
    np.testing.assert_allclose(heights, problems.Rosenbrock().loss(PATH.T))


def test_log_surface_lifts_paths_to_log_heights(ax3d):
    plots.landscape(ax3d, problems.Rosenbrock(), kind="surface",
                    log_levels=True, paths={"p": PATH})
    assert "log" in ax3d.get_zlabel()
    line = [x for x in ax3d.get_lines() if x.get_label() == "p"][0]
    np.testing.assert_allclose(line.get_data_3d()[2][0],
                               np.log10(problems.Rosenbrock().loss(PATH[0])))


def test_contour_levels_choose_log_for_wide_ranges():
    grid = np.meshgrid(np.linspace(-2, 2, 50), np.linspace(-1, 3, 50))
    rosenbrock = problems.Rosenbrock().loss_grid(*grid)
    levels = plots.contour_levels(rosenbrock, 10)
    np.testing.assert_allclose(levels[1:] / levels[:-1], levels[1] /
                               levels[0])
    bowl = problems.Quadratic(np.eye(2)).loss_grid(*grid)
    even = plots.contour_levels(bowl, 10, log_levels=False)
    # Squared spacing: square roots of the levels are evenly spaced.
    gaps = np.diff(np.sqrt(even - bowl.min()))
    np.testing.assert_allclose(gaps, gaps[0])
    saddle = problems.Saddle().loss_grid(*grid)
    np.testing.assert_allclose(np.diff(plots.contour_levels(saddle, 5)),
                               np.diff(plots.contour_levels(saddle, 5))[0])


@pytest.mark.parametrize("kwargs, message", [
    ({"kind": "heatmap"}, "kind must be one of"),
    ({"bounds": ((1, 0), (0, 1))}, "lower bound below its upper"),
    ({"bounds": (0, 1)}, r"bounds must be \(\(xmin"),
    ({"paths": {"bad": np.zeros((3, 3))}}, r"\(k, 2\) array"),
    ({"resolution": 1}, "resolution must"),
])
def test_landscape_rejects_bad_input(ax, kwargs, message):
    with pytest.raises(ValueError, match=message):
        plots.landscape(ax, problems.Rosenbrock(), **kwargs)


def test_landscape_rejects_problems_that_are_not_2d(ax):
    with pytest.raises(ValueError, match="must be 2-D"):
        plots.landscape(ax, problems.Quadratic(np.eye(3)))


def test_loss_curves(ax):
    curves = {"a": np.geomspace(1.0, 1e-3, 20),
              "b": SimpleNamespace(losses=np.linspace(2.0, 1.0, 5))}
    returned = plots.loss_curves(ax, curves)
    assert returned is ax
    assert ax.get_yscale() == "log"
    assert [line.get_label() for line in ax.get_lines()] == ["a", "b"]
    assert ax.get_xlabel() == "step" and ax.get_ylabel() == "loss"
    np.testing.assert_allclose(ax.get_lines()[1].get_ydata(),
                               np.linspace(2.0, 1.0, 5))


def test_loss_curves_linear_with_min_loss(ax):
    plots.loss_curves(ax, np.array([3.0, 2.0, 1.5]), log=False,
                      xlabel="evaluations", min_loss=1.0, title=None)
    assert ax.get_yscale() == "linear"
    assert ax.get_xlabel() == "evaluations"
    assert ax.get_ylabel() == "loss \u2212 minimum"
    np.testing.assert_allclose(ax.get_lines()[0].get_ydata(),
                               [2.0, 1.0, 0.5])
    assert ax.get_title() == ""


def test_loss_curves_rejects_empty(ax):
    with pytest.raises(ValueError, match="non-empty 1-D"):
        plots.loss_curves(ax, {"empty": []})


def test_mark_minimum_and_skip_when_none(ax):
    plots.mark_minimum(ax, problems.Rosenbrock())
    np.testing.assert_allclose(ax.get_lines()[0].get_xydata(), [[1.0, 1.0]])
    plots.mark_minimum(ax, problems.Saddle())
    assert len(ax.get_lines()) == 1


def test_data_and_lines(ax):
    eq = problems.LinearEquation(x=[3.0, 5.0], y=[7.0, 11.0])
    plots.data_and_lines(ax, eq, {"fit": [2.0, 1.0]})
    data, fit = ax.get_lines()
    np.testing.assert_allclose(data.get_xydata(), [[3.0, 7.0], [5.0, 11.0]])
    x, y = fit.get_data()
    np.testing.assert_allclose(y, 2.0 * x + 1.0)
    assert x.min() == 2.0 and x.max() == 6.0


def test_data_and_lines_x_range(ax):
    plots.data_and_lines(ax, problems.LinearEquation(), {"l": [1.0, 4.0]},
                         x_range=(0.0, 5.0))
    x = ax.get_lines()[1].get_xdata()
    assert (x.min(), x.max()) == (0.0, 5.0)
    with pytest.raises(ValueError, match="x_range"):
        plots.data_and_lines(ax, problems.LinearEquation(), x_range=(1, 0))


def test_styles_differ_in_more_than_colour():
    first, second = plots.style(0), plots.style(1)
    assert first["linestyle"] != second["linestyle"]
    assert first["marker"] != second["marker"]
    assert plots.style(len(plots.COLORS))["color"] == plots.COLORS[0]
