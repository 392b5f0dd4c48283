"""Tests for the chapter 3 checker: the reference passes, and each
typical mistake in a numerical gradient gets its own explanation."""

import doctest

import numpy as np

from optim_lib import gradcheck
from optim_lib.exercises import ch03
from optim_lib.exercises.feedback import NOT_IMPLEMENTED, PASSED


def central(f, params, h):
    """A correct learner's answer."""
    params = np.asarray(params, dtype=float)
    grads = np.zeros_like(params)
    for i in range(params.size):
        step = np.zeros_like(params)
        step[i] = h
        grads[i] = (f(params + step) - f(params - step)) / (2 * h)
    return grads


def test_the_library_reference_passes():
    feedback = ch03.check_numerical_gradient(gradcheck.numerical_gradient)
    assert feedback.passed and feedback.message == PASSED


def test_a_correct_learner_passes():
    assert ch03.check_numerical_gradient(central).passed


def test_the_test_functions_have_the_gradients_we_think():
    theta = np.array([1.0, -2.0])
    np.testing.assert_allclose(central(ch03.cubic, theta, 1e-5),
                               [3 - 4, 2 - 4], atol=1e-8)


def test_a_stub_is_not_implemented_yet():
    def stub(f, params, h):
        raise NotImplementedError

    assert ch03.check_numerical_gradient(stub).message == NOT_IMPLEMENTED


def test_forward_differences_are_named():
    def forward(f, params, h):
        params = np.asarray(params, dtype=float)
        return np.array([(f(params + h * e) - f(params)) / h
                         for e in np.eye(params.size)])

    message = ch03.check_numerical_gradient(forward).message
    assert "index 0" in message and "forward differences" in message


def test_dividing_by_h_instead_of_2h_is_named():
    def double(f, params, h):
        return 2 * central(f, params, h)

    assert "divide by 2h" in ch03.check_numerical_gradient(double).message


def test_ignoring_h_is_named():
    def fixed_h(f, params, h):
        return central(f, params, 1e-6)

    message = ch03.check_numerical_gradient(fixed_h).message
    assert "h = 0.1" in message and "use the argument h" in message


def test_a_wrong_shape_is_named():
    def flat(f, params, h):
        return central(f, params, h)[:1]

    message = ch03.check_numerical_gradient(flat).message
    assert "shape (2,)" in message and "(1,)" in message


def test_moving_params_in_place_is_caught():
    def in_place(f, params, h):
        grads = np.zeros_like(params)
        for i in range(params.size):
            params[i] += h
            up = f(params)
            params[i] -= 2 * h
            grads[i] = (up - f(params)) / (2 * h)
        return grads

    message = ch03.check_numerical_gradient(in_place).message
    assert "changed the params" in message


def test_integer_params_are_explained():
    def no_float(f, params, h):
        theta = params.copy()
        grads = np.zeros(params.shape)
        for i in range(params.size):
            theta[i] = params[i] + h
            up = f(theta)
            theta[i] = params[i] - h
            grads[i] = (up - f(theta)) / (2 * h)
            theta[i] = params[i]
        return grads

    message = ch03.check_numerical_gradient(no_float).message
    assert "integer" in message and "dtype=float" in message


def test_the_examples_in_the_docstrings_run():
    assert doctest.testmod(ch03).failed == 0
