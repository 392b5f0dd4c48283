"""Tests for the chapter 6 checker: it passes the reference, and names
the first thing a typical wrong momentum step gets wrong."""

import numpy as np
import pytest

from optim_lib.exercises import ch06
from optim_lib.exercises.feedback import NOT_IMPLEMENTED, PASSED


def test_the_reference_passes():
    feedback = ch06.check_momentum_step(ch06.momentum_step)
    assert feedback.passed and feedback.message == PASSED


def test_reference_matches_hand_computed_steps():
    grads = np.array([1.0, -2.0])
    params, buf = ch06.momentum_step(np.zeros(2), grads, np.zeros(2),
                                     lr=0.5, momentum=0.9)
    np.testing.assert_allclose(buf, grads)
    np.testing.assert_allclose(params, [-0.5, 1.0])

    params, buf = ch06.momentum_step(params, grads, buf, lr=0.5,
                                     momentum=0.9, nesterov=True)
    np.testing.assert_allclose(buf, 1.9 * grads)
    # θ_2 = θ_1 − η (g + μ b_2) = θ_1 − 0.5 · 2.71 g
    np.testing.assert_allclose(params, [-0.5 - 1.355, 1.0 + 2.71])


def test_a_stub_is_not_implemented_yet():
    def stub(params, grads, buf, lr, momentum, nesterov=False):
        raise NotImplementedError

    assert ch06.check_momentum_step(stub).message == NOT_IMPLEMENTED


def test_the_exponential_average_buffer_is_named():
    def ema(params, grads, buf, lr, momentum, nesterov=False):
        buf = momentum * buf + (1 - momentum) * grads
        return params - lr * buf, buf

    message = ch06.check_momentum_step(ema).message
    assert message.startswith("after step 1 your momentum buffer should "
                              "equal the gradient g_1")
    assert "exponential average" in message


def test_the_learning_rate_inside_the_buffer_is_named():
    def sutskever(params, grads, buf, lr, momentum, nesterov=False):
        buf = momentum * buf + lr * grads
        return params - buf, buf

    assert "η inside the buffer" in ch06.check_momentum_step(
        sutskever).message


def test_a_buffer_without_mu_is_caught_at_step_2():
    def no_mu(params, grads, buf, lr, momentum, nesterov=False):
        buf = buf + grads
        return params - lr * buf, buf

    message = ch06.check_momentum_step(no_mu).message
    assert message.startswith("after step 2 your momentum buffer should "
                              "be μ·b_1 + g_2")
    assert "multiply it by μ" in message


def test_an_unnamed_wrong_buffer_names_the_index():
    def off(params, grads, buf, lr, momentum, nesterov=False):
        params, buf = ch06.momentum_step(params, grads, buf, lr, momentum)
        return params, buf + np.array([0.0, 0.0, 1.0])

    message = ch06.check_momentum_step(off).message
    assert "after step 1 your momentum buffer" in message
    assert "index 2" in message


def test_ignoring_nesterov_is_explained():
    def heavy_only(params, grads, buf, lr, momentum, nesterov=False):
        return ch06.momentum_step(params, grads, buf, lr, momentum)

    message = ch06.check_momentum_step(heavy_only).message
    assert message.startswith("after Nesterov step 1 your buffer is right")
    assert "not η·b_t" in message


def test_an_uphill_step_is_named():
    def uphill(params, grads, buf, lr, momentum, nesterov=False):
        return ch06.momentum_step(params, grads, buf, -lr, momentum,
                                  nesterov)

    assert "uphill" in ch06.check_momentum_step(uphill).message


def test_changing_the_buffer_in_place_is_caught():
    def in_place(params, grads, buf, lr, momentum, nesterov=False):
        buf *= momentum
        buf += grads
        step = grads + momentum * buf if nesterov else buf
        return params - lr * step, buf

    message = ch06.check_momentum_step(in_place).message
    assert "changed the array `buf`" in message


@pytest.mark.parametrize("result, word", [
    (np.zeros(3), "tuple (params, buf)"),
    ((np.zeros(3),), "tuple (params, buf)"),
])
def test_a_malformed_result_is_described(result, word):
    def wrong(params, grads, buf, lr, momentum, nesterov=False):
        return result

    assert word in ch06.check_momentum_step(wrong).message
