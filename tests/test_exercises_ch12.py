"""Tests for the chapter 12 checker: it passes the reference, and names
the first thing a typical wrong answer gets wrong."""

import doctest

import numpy as np

from optim_lib import problems
from optim_lib.exercises import ch12
from optim_lib.exercises.feedback import NOT_IMPLEMENTED, PASSED


def test_doctests():
    assert doctest.testmod(ch12, extraglobs={"np": np}).failed == 0


def test_the_reference_passes():
    feedback = ch12.check_newton_step(ch12.newton_step)
    assert feedback.passed and feedback.message == PASSED


def test_inverting_the_hessian_passes_too():
    def with_inverse(params, grads, hessian):
        return params - np.linalg.inv(hessian) @ grads

    assert ch12.check_newton_step(with_inverse).passed


def test_one_step_reaches_a_bowls_minimum():
    bowl = problems.Quadratic.from_condition_number(1000.0, angle=0.3)
    theta = np.array([2.0, -1.0])
    new = ch12.newton_step(theta, bowl.grad(theta), bowl.hessian)
    np.testing.assert_allclose(new, bowl.minimum, atol=1e-9)


def test_rosenbrock_hessian_matches_finite_differences():
    rosen = problems.Rosenbrock()
    theta, h = np.array([-1.5, 2.5]), 1e-6
    numeric = np.column_stack([
        (rosen.grad(theta + h * e) - rosen.grad(theta - h * e)) / (2 * h)
        for e in np.eye(2)])
    np.testing.assert_allclose(ch12.rosenbrock_hessian(theta), numeric,
                               rtol=1e-6)


def test_a_stub_is_not_implemented_yet():
    def stub(params, grads, hessian):
        raise NotImplementedError

    assert ch12.check_newton_step(stub).message == NOT_IMPLEMENTED


def test_uphill_is_named():
    def uphill(params, grads, hessian):
        return params + np.linalg.solve(hessian, grads)

    assert "uphill" in ch12.check_newton_step(uphill).message


def test_multiplying_by_the_hessian_is_named():
    def times_h(params, grads, hessian):
        return params - hessian @ grads

    assert "multiplied by H" in ch12.check_newton_step(times_h).message


def test_a_gradient_step_is_named():
    def plain(params, grads, hessian):
        return params - grads

    message = ch12.check_newton_step(plain).message
    assert "plain gradient step" in message


def test_changing_params_in_place_is_caught():
    def in_place(params, grads, hessian):
        params -= np.linalg.solve(hessian, grads)
        return params

    message = ch12.check_newton_step(in_place).message
    assert "changed params" in message
