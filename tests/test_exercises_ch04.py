"""Tests for the chapter 4 checker: it passes the reference, and names
the first thing a typical wrong answer gets wrong."""

import doctest

import numpy as np
import pytest

from optim_lib import problems
from optim_lib.exercises import ch04
from optim_lib.exercises.feedback import NOT_IMPLEMENTED, PASSED


def test_the_reference_passes():
    feedback = ch04.check_descend(ch04.descend)
    assert feedback.passed and feedback.message == PASSED


def test_reference_stops_at_the_first_small_gradient():
    problem = problems.LinearEquation(x=3.0, y=7.0)
    params, steps = ch04.descend(problem.loss_and_grad, np.zeros(2), 0.02,
                                 1e-6, 1000)
    # ‖g_t‖ = 2·7·√10·0.6^t falls below 1e-6 first at t = 35.
    assert steps == 35
    assert np.linalg.norm(problem.grad(params)) <= 1e-6
    np.testing.assert_allclose(params, [2.1, 0.7], atol=1e-7)


def test_a_stub_is_not_implemented_yet():
    def stub(loss_and_grad, params, lr, tol, max_steps):
        raise NotImplementedError

    assert ch04.check_descend(stub).message == NOT_IMPLEMENTED


def test_testing_after_the_step_is_one_step_late():
    def late(loss_and_grad, params, lr, tol, max_steps):
        for step in range(max_steps):
            grads = loss_and_grad(params)[1]
            params = params - lr * grads
            if np.linalg.norm(grads) <= tol:
                return params, step + 1
        return params, max_steps

    message = ch04.check_descend(late).message
    assert "you stopped after 36 steps" in message
    assert "before taking the step" in message


def test_a_step_uphill_is_caught():
    def uphill(loss_and_grad, params, lr, tol, max_steps):
        return ch04.descend(loss_and_grad, params, -lr, tol, max_steps)

    assert not ch04.check_descend(uphill).passed


def test_ignoring_max_steps_is_explained():
    def no_limit(loss_and_grad, params, lr, tol, max_steps):
        return ch04.descend(loss_and_grad, params, lr, tol, 10 ** 6)

    message = ch04.check_descend(no_limit).message
    assert "max_steps = 5" in message and "never reached" in message


def test_returning_the_wrong_params_names_the_index():
    def off(loss_and_grad, params, lr, tol, max_steps):
        params, steps = ch04.descend(loss_and_grad, params, lr, tol,
                                     max_steps)
        return params + np.array([0.0, 1.0]), steps

    message = ch04.check_descend(off).message
    assert "right number of steps (35)" in message
    assert "index 1" in message


def test_changing_the_start_in_place_is_caught():
    def in_place(loss_and_grad, params, lr, tol, max_steps):
        for step in range(max_steps):
            grads = loss_and_grad(params)[1]
            if np.linalg.norm(grads) <= tol:
                return params, step
            params -= lr * grads
        return params, max_steps

    message = ch04.check_descend(in_place).message
    assert "changed the start array" in message


@pytest.mark.parametrize("result, word", [
    (np.zeros(2), "pair"),
    ((np.zeros(2), 1.5), "whole number"),
    ((np.zeros(2), None), "whole number"),
])
def test_a_malformed_result_is_described(result, word):
    def wrong(loss_and_grad, params, lr, tol, max_steps):
        return result

    assert word in ch04.check_descend(wrong).message


def test_the_examples_in_the_docstrings_run():
    assert doctest.testmod(ch04).failed == 0
