"""Tests for the chapter 7 checkers: they pass the references, and name
the first thing a typical wrong AdaGrad or RMSProp step gets wrong."""

import numpy as np
import pytest

from optim_lib import optimizers
from optim_lib.exercises import ch07
from optim_lib.exercises.feedback import NOT_IMPLEMENTED, PASSED


def test_the_references_pass():
    assert ch07.check_adagrad_step(ch07.adagrad_step).message == PASSED
    assert ch07.check_rmsprop_step(ch07.rmsprop_step).message == PASSED


@pytest.mark.parametrize("reference, library", [
    (lambda p, g, v: ch07.adagrad_step(p, g, v, lr=0.1, eps=1e-4),
     optimizers.AdaGrad(lr=0.1, eps=1e-4)),
    (lambda p, g, v: ch07.rmsprop_step(p, g, v, lr=0.01, alpha=0.9,
                                       eps=1e-4),
     optimizers.RMSProp(lr=0.01, alpha=0.9, eps=1e-4)),
])
def test_references_take_the_library_steps(reference, library):
    params, v = ch07.PARAMS, np.zeros(3)
    lib_params, state = ch07.PARAMS, library.init(ch07.PARAMS)
    for grads in ch07.GRADS:
        params, v = reference(params, grads, v)
        lib_params, state = library.step(lib_params, grads, state)
    np.testing.assert_allclose(params, lib_params, rtol=1e-12)
    np.testing.assert_allclose(v, state.v, rtol=1e-12)


def test_stubs_are_not_implemented_yet():
    def stub(*args, **kwargs):
        raise NotImplementedError

    assert ch07.check_adagrad_step(stub).message == NOT_IMPLEMENTED
    assert ch07.check_rmsprop_step(stub).message == NOT_IMPLEMENTED


def test_eps_under_the_root_is_named():
    def inside(params, grads, v, lr, eps):
        v = v + grads ** 2
        return params - lr * grads / np.sqrt(v + eps), v

    message = ch07.check_adagrad_step(inside).message
    assert message.startswith("after step 1 your v is right but your "
                              "params are wrong")
    assert "ε sits under your square root" in message


def test_the_old_accumulator_in_the_step_is_named():
    def stale(params, grads, v, lr, eps):
        new_params = params - lr * grads / (np.sqrt(v) + eps)
        return new_params, v + grads ** 2

    assert "v_{t-1}, the accumulator before" in ch07.check_adagrad_step(
        stale).message


def test_a_global_scale_is_named():
    def one_scale(params, grads, v, lr, eps):
        v = v + grads ** 2
        return params - lr * grads / (np.sqrt(v.sum()) + eps), v

    assert "its own" in ch07.check_adagrad_step(one_scale).message


def test_absolute_values_instead_of_squares_are_named():
    def absolute(params, grads, v, lr, eps):
        v = v + np.abs(grads)
        return params - lr * grads / (np.sqrt(v) + eps), v

    message = ch07.check_adagrad_step(absolute).message
    assert message.startswith("after step 1 your v should be "
                              "v_{t-1} + g_t²")
    assert "|g|" in message


def test_rmsprop_without_the_weight_on_g_is_named():
    def unweighted(params, grads, v, lr, alpha, eps):
        v = alpha * v + grads ** 2
        return params - lr * grads / (np.sqrt(v) + eps), v

    message = ch07.check_rmsprop_step(unweighted).message
    assert message.startswith("after step 1 your v should be")
    assert "weight (1 − α)" in message


def test_rmsprop_that_forgets_is_caught_at_step_2():
    def forgetful(params, grads, v, lr, alpha, eps):
        v = (1 - alpha) * grads ** 2
        return params - lr * grads / (np.sqrt(v) + eps), v

    message = ch07.check_rmsprop_step(forgetful).message
    assert message.startswith("after step 2 your v should be")
    assert "forgets all of the past" in message


def test_adagrad_submitted_as_rmsprop_names_the_index():
    def adagrad(params, grads, v, lr, alpha, eps):
        return ch07.adagrad_step(params, grads, v, lr, eps)

    message = ch07.check_rmsprop_step(adagrad).message
    assert "after step 1 your v should be" in message


def test_an_unnamed_wrong_step_names_the_index():
    def off(params, grads, v, lr, eps):
        params, v = ch07.adagrad_step(params, grads, v, lr, eps)
        return params + np.array([0.0, 0.0, 1e-3]), v

    message = ch07.check_adagrad_step(off).message
    assert "index 2" in message


def test_changing_v_in_place_is_caught():
    def in_place(params, grads, v, lr, alpha, eps):
        v *= alpha
        v += (1 - alpha) * grads ** 2
        return params - lr * grads / (np.sqrt(v) + eps), v

    assert "changed the array `v`" in ch07.check_rmsprop_step(
        in_place).message


def test_a_malformed_result_is_described():
    def wrong(params, grads, v, lr, eps):
        return params

    assert "tuple (params, v)" in ch07.check_adagrad_step(wrong).message
