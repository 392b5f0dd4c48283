"""Tests for the chapter 10 checker: it passes the reference, and names
the first thing a typical wrong answer gets wrong."""

import doctest

import numpy as np

from optim_lib import gradcheck, nn
from optim_lib.exercises import ch10
from optim_lib.exercises.feedback import NOT_IMPLEMENTED, PASSED


def test_doctests():
    assert doctest.testmod(ch10, extraglobs={"np": np}).failed == 0


def test_the_reference_passes():
    feedback = ch10.check_loss_and_grad_l2(ch10.loss_and_grad_l2)
    assert feedback.passed and feedback.message == PASSED


def test_the_reference_gradient_is_the_penalised_losss_gradient():
    rng = np.random.default_rng(0)
    params = nn.init_mlp([3, 4, 2], rng)
    params["b1"] = rng.standard_normal(4)
    X, y = rng.standard_normal((5, 3)), rng.integers(0, 2, size=5)

    def f(theta):
        return ch10.loss_and_grad_l2(theta, X, y, 0.3)[0]

    def grad_f(theta):
        return ch10.loss_and_grad_l2(theta, X, y, 0.3)[1]

    assert gradcheck.gradient_check(f, grad_f, params) < 1e-6


def test_a_stub_is_not_implemented_yet():
    def stub(params, X, y, weight_decay):
        raise NotImplementedError

    assert ch10.check_loss_and_grad_l2(stub).message == NOT_IMPLEMENTED


def _decaying_everything(params, X, y, weight_decay):
    f, grads = nn.loss_and_grad(params, X, y)
    penalty = sum(np.sum(p ** 2) for p in params.values())
    grads = {k: g + weight_decay * params[k] for k, g in grads.items()}
    return f + 0.5 * weight_decay * penalty, grads


def test_decaying_the_biases_is_named():
    message = ch10.check_loss_and_grad_l2(_decaying_everything).message
    assert "λ = 0.1" in message and "includes the biases" in message


def test_a_missing_half_is_named():
    def no_half(params, X, y, weight_decay):
        f, grads = ch10.loss_and_grad_l2(params, X, y, weight_decay)
        extra = ch10._penalty(params, weight_decay, biases=False)
        return f + extra, grads

    assert "factor 1/2" in ch10.check_loss_and_grad_l2(no_half).message


def test_a_missing_gradient_term_is_named():
    def loss_only(params, X, y, weight_decay):
        f = ch10.loss_and_grad_l2(params, X, y, weight_decay)[0]
        return f, nn.loss_and_grad(params, X, y)[1]

    message = ch10.check_loss_and_grad_l2(loss_only).message
    assert "grads['W1'] is missing the term λ·W1" in message


def test_decaying_a_bias_gradient_only_is_named():
    def bias_grad(params, X, y, weight_decay):
        f, grads = ch10.loss_and_grad_l2(params, X, y, weight_decay)
        grads["b1"] = grads["b1"] + weight_decay * params["b1"]
        return f, grads

    message = ch10.check_loss_and_grad_l2(bias_grad).message
    assert "grads['b1'] includes λ·b1" in message


def test_changing_params_in_place_is_caught():
    def in_place(params, X, y, weight_decay):
        result = ch10.loss_and_grad_l2(params, X, y, weight_decay)
        params["W1"] *= 1 - weight_decay
        return result

    message = ch10.check_loss_and_grad_l2(in_place).message
    assert "changed params['W1']" in message


def test_a_wrong_return_shape_is_explained():
    def loss_only(params, X, y, weight_decay):
        return ch10.loss_and_grad_l2(params, X, y, weight_decay)[0]

    message = ch10.check_loss_and_grad_l2(loss_only).message
    assert "(loss, grads)" in message
