"""Tests for optim_lib.problems: losses, gradients, minima, bad input."""

import doctest

import numpy as np
import pytest

from optim_lib import problems


def all_problems():
    """One instance of every problem, in several shapes and sizes."""
    rng = np.random.default_rng(0)
    return [
        problems.LinearEquation(),
        problems.LinearEquation(x=[3.0, 5.0], y=[7.0, 11.0]),
        problems.LeastSquaresLine.sample(30, rng),
        problems.Quadratic([[2.0, 0.5], [0.5, 1.0]], minimum=[1.0, -1.0]),
        problems.Quadratic.from_condition_number(10.0, angle=0.4),
        problems.Quadratic.from_condition_number(50.0, dim=5, rng=rng),
        problems.Rosenbrock(),
        problems.Rosenbrock(a=2.0, b=10.0),
        problems.Beale(),
        problems.Saddle(),
    ]


PROBLEMS = all_problems()
IDS = [repr(p) for p in PROBLEMS]


def central_differences(f, theta, h=1e-6):
    """∇f by central differences, the reference for analytic gradients."""
    grads = np.zeros_like(theta)
    for i in range(theta.size):
        step = np.zeros_like(theta)
        step[i] = h
        grads[i] = (f(theta + step) - f(theta - step)) / (2 * h)
    return grads


def test_docstring_examples_run():
    assert doctest.testmod(problems).failed == 0


@pytest.mark.parametrize("problem", PROBLEMS, ids=IDS)
def test_gradient_matches_finite_differences(problem):
    rng = np.random.default_rng(1)
    for _ in range(3):
        theta = rng.uniform(-1.5, 1.5, problem.dim)
        expected = central_differences(problem.loss, theta)
        np.testing.assert_allclose(problem.grad(theta), expected,
                                   rtol=1e-5, atol=1e-5)


@pytest.mark.parametrize("problem", PROBLEMS, ids=IDS)
def test_hessian_matches_finite_differences_of_grad(problem):
    theta = np.random.default_rng(2).uniform(-1.0, 1.0, problem.dim)
    expected = np.array([central_differences(lambda t: problem.grad(t)[i],
                                             theta)
                         for i in range(problem.dim)])
    np.testing.assert_allclose(problem.hessian_at(theta), expected,
                               rtol=1e-5, atol=1e-4)


@pytest.mark.parametrize("problem", PROBLEMS, ids=IDS)
def test_loss_and_grad_agree_with_loss_and_grad(problem):
    theta = np.linspace(-0.7, 0.9, problem.dim)
    value, grads = problem.loss_and_grad(theta)
    assert isinstance(value, float)
    assert value == pytest.approx(problem.loss(theta))
    np.testing.assert_allclose(grads, problem.grad(theta))


@pytest.mark.parametrize("problem", PROBLEMS, ids=IDS)
def test_minimum_has_zero_gradient_and_min_loss(problem):
    if problem.minimum is None:
        assert problem.min_loss is None
        return
    np.testing.assert_allclose(problem.grad(problem.minimum), 0.0,
                               atol=1e-9)
    assert problem.loss(problem.minimum) == pytest.approx(problem.min_loss,
                                                          abs=1e-12)
    nearby = problem.minimum + 0.01
    assert problem.loss(nearby) > problem.min_loss


@pytest.mark.parametrize("problem", PROBLEMS, ids=IDS)
def test_stacked_loss_matches_pointwise(problem):
    rng = np.random.default_rng(3)
    stack = rng.uniform(-2.0, 2.0, (problem.dim, 4, 3))
    values = problem.loss(stack)
    assert values.shape == (4, 3)
    assert values[2, 1] == pytest.approx(problem.loss(stack[:, 2, 1]))


@pytest.mark.parametrize("problem", PROBLEMS, ids=IDS)
def test_two_d_problems_have_bounds_and_loss_grid(problem):
    if problem.dim != 2:
        assert problem.bounds is None
        return
    (x_low, x_high), (y_low, y_high) = problem.bounds
    assert x_low < x_high and y_low < y_high
    grid_a, grid_b = np.meshgrid(np.linspace(x_low, x_high, 5),
                                 np.linspace(y_low, y_high, 4))
    values = problem.loss_grid(grid_a, grid_b)
    assert values.shape == (4, 5)
    assert values[3, 0] == pytest.approx(problem.loss([x_low, y_high]))
    assert isinstance(problem.name, str) and problem.name


def test_linear_equation_loss_is_squared_error():
    eq = problems.LinearEquation(x=3.0, y=7.0)
    assert eq.loss([1.0, 1.0]) == pytest.approx((3.0 + 1.0 - 7.0) ** 2)
    np.testing.assert_allclose(eq.grad([1.0, 1.0]), [2 * -3.0 * 3, -6.0])


def test_one_equation_has_a_line_of_solutions_and_no_minimum():
    eq = problems.LinearEquation(x=3.0, y=7.0)
    assert eq.minimum is None
    for a in (-2.0, 0.0, 1.5, 10.0):
        assert eq.loss([a, eq.best_intercept(a)]) == pytest.approx(0.0)
    np.testing.assert_allclose(eq.best_intercept(np.array([0.0, 1.0])),
                               [7.0, 4.0])


def test_nearest_solution_is_the_projection_onto_the_line():
    eq = problems.LinearEquation(x=3.0, y=7.0)
    start = np.array([0.0, 0.0])
    nearest = eq.nearest_solution(start)
    assert eq.loss(nearest) == pytest.approx(0.0, abs=1e-20)
    # (a, b) moves along the normal (x, 1) of the line a·x + b = y.
    np.testing.assert_allclose(nearest, 0.7 * np.array([3.0, 1.0]))


def test_two_equations_have_the_unique_solution():
    eq = problems.LinearEquation(x=[3.0, 5.0], y=[7.0, 11.0])
    np.testing.assert_allclose(eq.minimum, [2.0, 1.0])
    assert eq.min_loss == pytest.approx(0.0, abs=1e-20)
    assert eq.loss([0.0, 0.0]) == pytest.approx(49.0 + 121.0)


def test_repeated_x_gives_no_unique_minimum():
    eq = problems.LinearEquation(x=[3.0, 3.0], y=[7.0, 8.0])
    assert eq.minimum is None
    assert eq.best_intercept(0.0) == pytest.approx(7.5)


def test_least_squares_solution_matches_numpy_lstsq():
    fit = problems.LeastSquaresLine.sample(50, np.random.default_rng(4))
    design = np.column_stack([fit.xs, np.ones(fit.n)])
    expected = np.linalg.lstsq(design, fit.ys, rcond=None)[0]
    np.testing.assert_allclose(fit.solution(), expected)
    np.testing.assert_allclose(fit.minimum, expected)


def test_least_squares_is_the_mean_squared_error():
    fit = problems.LeastSquaresLine([0.0, 1.0, 2.0], [1.0, 2.0, 6.0])
    residuals = np.array([0.0, 1.0, 2.0]) * 2.0 + 1.0 - [1.0, 2.0, 6.0]
    assert fit.loss([2.0, 1.0]) == pytest.approx(np.mean(residuals ** 2))


def test_sample_follows_the_true_line_and_is_reproducible():
    one = problems.LeastSquaresLine.sample(
        2000, np.random.default_rng(5), slope=-1.0, intercept=3.0,
        noise=0.1)
    two = problems.LeastSquaresLine.sample(
        2000, np.random.default_rng(5), slope=-1.0, intercept=3.0,
        noise=0.1)
    np.testing.assert_array_equal(one.xs, two.xs)
    np.testing.assert_allclose(one.solution(), [-1.0, 3.0], atol=0.02)


def test_minibatch_matches_a_problem_on_the_batch_points():
    fit = problems.LeastSquaresLine.sample(20, np.random.default_rng(6))
    batch = np.array([1, 4, 7, 19])
    small = problems.LeastSquaresLine(fit.xs[batch], fit.ys[batch])
    theta = np.array([0.5, -0.3])
    value, grads = fit.loss_and_grad(theta, batch=batch)
    assert value == pytest.approx(small.loss(theta))
    np.testing.assert_allclose(grads, small.grad(theta))
    assert fit.loss(theta, batch=batch) == pytest.approx(value)
    np.testing.assert_allclose(fit.grad(theta, batch=batch), grads)


def test_minibatch_gradients_average_to_the_full_gradient():
    fit = problems.LeastSquaresLine.sample(12, np.random.default_rng(7))
    theta = np.array([1.0, 0.0])
    singles = [fit.grad(theta, batch=np.array([i])) for i in range(fit.n)]
    np.testing.assert_allclose(np.mean(singles, axis=0), fit.grad(theta))


def test_quadratic_properties():
    bowl = problems.Quadratic.from_eigenvalues([0.5, 4.0], angle=0.3,
                                               minimum=[1.0, 2.0])
    np.testing.assert_allclose(bowl.eigenvalues, [0.5, 4.0])
    assert bowl.condition_number == pytest.approx(8.0)
    np.testing.assert_allclose(bowl.hessian, bowl.hessian.T)
    np.testing.assert_allclose(bowl.grad([1.0, 2.0]), 0.0)
    # Along an eigenvector the loss is ½ λ t².
    direction = np.array([np.cos(0.3), np.sin(0.3)])
    assert bowl.loss(bowl.minimum + 2.0 * direction) == pytest.approx(
        0.5 * 0.5 * 4.0)


def test_condition_number_constructor_spaces_eigenvalues():
    bowl = problems.Quadratic.from_condition_number(100.0, dim=3,
                                                    largest=2.0)
    np.testing.assert_allclose(bowl.eigenvalues, [0.02, 0.2, 2.0])
    assert bowl.condition_number == pytest.approx(100.0)
    np.testing.assert_allclose(bowl.hessian, np.diag([0.02, 0.2, 2.0]))


def test_random_rotation_keeps_eigenvalues():
    bowl = problems.Quadratic.from_condition_number(
        10.0, dim=4, rng=np.random.default_rng(8))
    assert not np.allclose(bowl.hessian, np.diag(np.diag(bowl.hessian)))
    np.testing.assert_allclose(bowl.eigenvalues,
                               np.geomspace(0.1, 1.0, 4))


def test_rosenbrock_and_beale_minima():
    np.testing.assert_allclose(problems.Rosenbrock(a=2.0).minimum,
                               [2.0, 4.0])
    assert problems.Rosenbrock().loss([0.0, 0.0]) == pytest.approx(1.0)
    assert problems.Beale().loss([0.0, 0.0]) == pytest.approx(
        1.5 ** 2 + 2.25 ** 2 + 2.625 ** 2)


def test_saddle_has_no_minimum_but_a_stationary_point():
    saddle = problems.Saddle()
    assert saddle.minimum is None
    np.testing.assert_allclose(saddle.grad(saddle.stationary_point), 0.0)
    assert saddle.loss([0.0, 3.0]) < saddle.loss([0.0, 0.0])
    assert np.linalg.eigvalsh(saddle.hessian_at([0.0, 0.0]))[0] < 0


def test_reprs_are_short_and_stable():
    assert repr(problems.LinearEquation()) == "LinearEquation(x=3, y=7)"
    assert repr(problems.Rosenbrock()) == "Rosenbrock(a=1, b=100)"
    assert "0x" not in repr(problems.Quadratic(np.eye(2)))


@pytest.mark.parametrize("make, argument", [
    (lambda: problems.LinearEquation(x=[], y=[]), "x"),
    (lambda: problems.LinearEquation(x=[1.0, 2.0], y=[1.0]), "x and y"),
    (lambda: problems.LinearEquation(x=np.nan, y=1.0), "x and y"),
    (lambda: problems.LeastSquaresLine(np.ones((2, 2)), np.ones((2, 2))),
     "x and y"),
    (lambda: problems.LeastSquaresLine.sample(0, np.random.default_rng()),
     "n must"),
    (lambda: problems.LeastSquaresLine.sample(
        5, np.random.default_rng(), noise=-1.0), "noise"),
    (lambda: problems.LeastSquaresLine.sample(
        5, np.random.default_rng(), x_range=(2.0, 1.0)), "x_range"),
    (lambda: problems.Quadratic(np.ones(3)), "hessian"),
    (lambda: problems.Quadratic([[1.0, 2.0], [0.0, 1.0]]), "symmetric"),
    (lambda: problems.Quadratic(np.diag([1.0, -1.0])), "positive"),
    (lambda: problems.Quadratic(np.eye(2), minimum=[1.0]), "minimum"),
    (lambda: problems.Quadratic.from_eigenvalues([1.0, 0.0]), "eigenvalues"),
    (lambda: problems.Quadratic.from_eigenvalues([1.0, 2.0, 3.0],
                                                 angle=0.5), "angle"),
    (lambda: problems.Quadratic.from_condition_number(0.5), "kappa"),
    (lambda: problems.Quadratic.from_condition_number(2.0, dim=0), "dim"),
    (lambda: problems.Quadratic.from_condition_number(4.0, largest=0.0),
     "largest"),
    (lambda: problems.Rosenbrock(b=0.0), "b must"),
])
def test_bad_construction_raises_value_error(make, argument):
    with pytest.raises(ValueError, match=argument):
        make()


@pytest.mark.parametrize("problem", PROBLEMS, ids=IDS)
def test_wrong_params_shape_raises_value_error(problem):
    with pytest.raises(ValueError, match="params must have shape"):
        problem.grad(np.zeros(problem.dim + 1))
    with pytest.raises(ValueError, match="params must have shape"):
        problem.loss(1.0)
    with pytest.raises(ValueError, match="params must have shape"):
        problem.loss_and_grad(np.zeros((problem.dim, 2)))


def test_bad_batch_raises_value_error():
    fit = problems.LeastSquaresLine.sample(5, np.random.default_rng(9))
    theta = np.zeros(2)
    for batch, message in [([], "non-empty"), ([0.5, 1.0], "integer"),
                           ([0, 5], r"\[0, 4\]"), ([[0, 1]], "1-D")]:
        with pytest.raises(ValueError, match=message):
            fit.loss_and_grad(theta, batch=np.array(batch))


def test_loss_grid_needs_matching_shapes_and_two_d():
    with pytest.raises(ValueError, match="same shape"):
        problems.Rosenbrock().loss_grid(np.zeros(3), np.zeros(4))
    bowl = problems.Quadratic(np.eye(3))
    with pytest.raises(ValueError, match="2-D problem"):
        bowl.loss_grid(np.zeros(3), np.zeros(3))
