"""Tests for optim_lib.gradcheck: central differences, relative errors."""

import doctest

import numpy as np
import pytest

from optim_lib import gradcheck, problems
from optim_lib.gradcheck import gradient_check, numerical_gradient


def test_numerical_gradient_of_a_quadratic_is_exact_to_rounding():
    bowl = problems.Quadratic([[2.0, 0.5], [0.5, 1.0]])
    theta = np.array([0.3, -1.2])
    np.testing.assert_allclose(numerical_gradient(bowl.loss, theta),
                               bowl.grad(theta), rtol=1e-8)


@pytest.mark.parametrize("problem", [problems.Rosenbrock(),
                                     problems.Beale(), problems.Saddle()],
                         ids=lambda p: type(p).__name__)
def test_the_book_problems_have_correct_gradients(problem):
    rng = np.random.default_rng(4)
    for theta in rng.uniform(-1.5, 1.5, size=(5, 2)):
        assert gradient_check(problem.loss, problem.grad, theta) < 1e-6


def test_a_wrong_gradient_is_caught():
    rosenbrock = problems.Rosenbrock()

    def half_gradient(theta):
        return rosenbrock.grad(theta) / 2

    theta = np.array([-0.5, 0.8])
    assert gradient_check(rosenbrock.loss, half_gradient, theta) > 0.4


def test_any_shape_and_dict_params():
    def f(params):
        return float(np.sum(params["w"] ** 2) + np.sum(np.sin(params["b"])))

    params = {"w": np.arange(6.0).reshape(2, 3), "b": np.array([0.1, 0.2])}
    numeric = numerical_gradient(f, params)
    np.testing.assert_allclose(numeric["w"], 2 * params["w"], rtol=1e-8,
                               atol=1e-8)
    np.testing.assert_allclose(numeric["b"], np.cos(params["b"]), rtol=1e-8)

    def grad_f(params):
        return {"w": 2 * params["w"], "b": np.cos(params["b"])}

    assert gradient_check(f, grad_f, params) < 1e-7


def test_params_are_never_changed_and_f_gets_float64_copies():
    seen = []

    def f(theta):
        seen.append(theta)
        return float(np.sum(theta**2))

    theta = np.array([1.0, 2.0], dtype=np.float32)
    numerical_gradient(f, theta)
    np.testing.assert_array_equal(theta, [1.0, 2.0])
    assert all(x.dtype == np.float64 for x in seen)
    assert not any(np.shares_memory(x, theta) for x in seen)
    assert len({id(x) for x in seen}) == 4


def test_the_floor_makes_zero_gradients_absolute():
    def f(theta):
        return float(theta[0] ** 2 + 1.0)

    theta = np.array([1.0, 5.0])
    exact = gradient_check(f, lambda t: np.array([2 * t[0], 0.0]), theta)
    off = gradient_check(f, lambda t: np.array([2 * t[0], 1e-7]), theta)
    assert exact < 1e-6 and off == pytest.approx(0.1, rel=1e-3)


def test_a_nan_gradient_gives_inf():
    def f(theta):
        return float(theta @ theta)

    error = gradient_check(f, lambda t: np.array([np.nan, 0.0]),
                           np.ones(2))
    assert error == np.inf


def test_bad_arguments_raise():
    with pytest.raises(ValueError, match="h must be > 0"):
        numerical_gradient(np.sum, np.ones(2), h=0.0)
    with pytest.raises(ValueError, match=r"grads has shape \(3,\)"):
        gradient_check(np.sum, lambda t: np.ones(3), np.ones(2))
    with pytest.raises(ValueError, match="params must hold floating"):
        numerical_gradient(np.sum, np.arange(3))


def test_docstring_examples_run():
    assert doctest.testmod(gradcheck).failed == 0
