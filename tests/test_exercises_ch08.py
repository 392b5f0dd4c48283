"""Tests for optim_lib.exercises.ch08, the Adam and AdamW checkers."""

import numpy as np
import pytest

from optim_lib import optimizers
from optim_lib.exercises import ch08
from optim_lib.exercises.feedback import NOT_IMPLEMENTED, PASSED


def adam_step(params, grads, m, v, t, lr=1e-3, betas=(0.9, 0.999),
              eps=1e-8):
    """A correct Adam step written as a learner would."""
    beta1, beta2 = betas
    m = beta1 * m + (1 - beta1) * grads
    v = beta2 * v + (1 - beta2) * grads ** 2
    m_hat = m / (1 - beta1 ** t)
    v_hat = v / (1 - beta2 ** t)
    return params - lr * m_hat / (np.sqrt(v_hat) + eps), m, v


def adamw_step(params, grads, m, v, t, lr=1e-3, betas=(0.9, 0.999),
               eps=1e-8, weight_decay=1e-2):
    """A correct AdamW step written as a learner would."""
    params = params * (1 - lr * weight_decay)
    return adam_step(params, grads, m, v, t, lr, betas, eps)


def stub(*args, **kwargs):
    raise NotImplementedError


def check(step, **changes):
    """Feedback on adam_step with some lines replaced by `changes`."""
    def variant(params, grads, m, v, t, lr=1e-3, betas=(0.9, 0.999),
                eps=1e-8):
        beta1, beta2 = betas
        m = beta1 * m + (1 - beta1) * grads
        v = beta2 * v + (1 - beta2) * grads ** 2
        power = changes.get("power", t)
        m_hat = m / (1 - beta1 ** power)
        v_hat = v / (1 - beta2 ** power)
        if changes.get("no_correction"):
            m_hat, v_hat = m, v
        denom = (np.sqrt(v_hat + eps) if changes.get("eps_inside")
                 else np.sqrt(v_hat) + eps)
        sign = -1 if changes.get("uphill") else 1
        return params - sign * lr * m_hat / denom, m, v
    return step(variant)


def test_a_correct_adam_step_passes():
    feedback = ch08.check_adam_step(adam_step)
    assert feedback.passed and feedback.message == PASSED


def test_the_reference_agrees_with_a_hand_computed_first_step():
    params, m, v = ch08.reference_adam_step(
        np.array([1.0]), np.array([2.0]), np.zeros(1), np.zeros(1), t=1,
        lr=0.1)
    # m̂ = g and v̂ = g² on step 1, so the step is η·g / (|g| + ε).
    assert m == pytest.approx(0.2) and v == pytest.approx(0.004)
    assert params == pytest.approx(1.0 - 0.1 * 2.0 / (2.0 + 1e-8))


def test_a_stub_is_not_implemented_yet():
    assert ch08.check_adam_step(stub).message == NOT_IMPLEMENTED
    assert ch08.check_adamw_step(stub).message == NOT_IMPLEMENTED


def test_a_missing_bias_correction_is_named():
    message = check(ch08.check_adam_step, no_correction=True).message
    assert message.startswith("after step 1 your params are wrong")
    assert "without the bias correction" in message


def test_epsilon_under_the_square_root_is_named():
    message = check(ch08.check_adam_step, eps_inside=True).message
    assert "ε sits under your square root" in message


def test_a_step_uphill_is_named():
    message = check(ch08.check_adam_step, uphill=True).message
    assert "uphill" in message


def test_a_bias_correction_exponent_of_zero_is_explained():
    with np.errstate(divide="ignore", invalid="ignore"):
        message = check(ch08.check_adam_step, power=0).message
    assert "nan or inf" in message and "1 − β⁰ = 0" in message


def test_m_without_the_weight_one_minus_beta1_is_named():
    def no_weight(params, grads, m, v, t, lr=1e-3, betas=(0.9, 0.999),
                  eps=1e-8):
        return adam_step(params, grads, m, v, t, lr, betas, eps)[0], \
            0.9 * m + grads, v
    message = ch08.check_adam_step(no_weight).message
    assert "first moment m equals the gradient" in message


def test_v_of_absolute_gradients_is_named():
    def no_square(params, grads, m, v, t, lr=1e-3, betas=(0.9, 0.999),
                  eps=1e-8):
        new_params, new_m, _ = adam_step(params, grads, m, v, t, lr, betas,
                                         eps)
        return new_params, new_m, 0.999 * v + 0.001 * np.abs(grads)
    message = ch08.check_adam_step(no_square).message
    assert "squared gradient" in message


def test_a_later_mistake_names_its_step_and_index():
    def late(params, grads, m, v, t, lr=1e-3, betas=(0.9, 0.999),
             eps=1e-8):
        params, m, v = adam_step(params, grads, m, v, t, lr, betas, eps)
        if t == 3:
            m = m.copy()
            m[1] += 1.0
        return params, m, v
    message = ch08.check_adam_step(late).message
    assert message.startswith("after step 3 your first moment m")
    assert "index 1" in message


def test_ignoring_the_hyperparameters_is_caught():
    def fixed(params, grads, m, v, t, lr=1e-3, betas=(0.9, 0.999),
              eps=1e-8):
        return adam_step(params, grads, m, v, t)
    assert not ch08.check_adam_step(fixed).passed


def test_a_wrong_return_value_is_explained():
    message = ch08.check_adam_step(lambda *a, **k: a[0]).message
    assert "tuple (params, m, v)" in message


def test_changing_the_inputs_in_place_is_named():
    def in_place(params, grads, m, v, t, lr=1e-3, betas=(0.9, 0.999),
                 eps=1e-8):
        new = adam_step(params, grads, m, v, t, lr, betas, eps)
        m[:] = new[1]
        return new
    message = ch08.check_adam_step(in_place).message
    assert "changed the array `m`" in message


def test_a_correct_adamw_step_passes():
    assert ch08.check_adamw_step(adamw_step).passed


def test_the_reference_adamw_matches_adam_when_decay_is_zero():
    args = (np.array([1.0, -1.0]), np.array([0.5, 2.0]), np.zeros(2),
            np.zeros(2), 1)
    got = ch08.reference_adamw_step(*args, weight_decay=0.0)
    want = ch08.reference_adam_step(*args)
    for a, b in zip(got, want):
        np.testing.assert_array_equal(a, b)


def adamw_variant(kind):
    def step(params, grads, m, v, t, lr=1e-3, betas=(0.9, 0.999),
             eps=1e-8, weight_decay=1e-2):
        if kind == "l2":
            return adam_step(params, grads + weight_decay * params, m, v,
                             t, lr, betas, eps)
        if kind == "none":
            return adam_step(params, grads, m, v, t, lr, betas, eps)
        if kind == "no_lr":
            params = params - weight_decay * params
        if kind == "after":
            new = adam_step(params, grads, m, v, t, lr, betas, eps)
            return (new[0] * (1 - lr * weight_decay), *new[1:])
        if kind == "no_correction":
            params = params * (1 - lr * weight_decay)
            return ch08.reference_adam_step(params, grads, m, v, t, lr,
                                            betas, eps,
                                            bias_correction=False)
        return adam_step(params, grads, m, v, t, lr, betas, eps)
    return step


@pytest.mark.parametrize("kind, words", [
    ("l2", "Adam's L2 penalty"),
    ("none", "no weight decay at all"),
    ("no_lr", "multiplies it by the learning rate"),
    ("after", "after the Adam step"),
    ("no_correction", "without the bias correction"),
])
def test_adamw_slips_are_named(kind, words):
    message = ch08.check_adamw_step(adamw_variant(kind)).message
    assert words in message


@pytest.mark.parametrize("name, reference, hyper", [
    ("Adam", ch08.reference_adam_step,
     dict(lr=0.05, betas=(0.8, 0.99), eps=1e-6)),
    ("AdamW", ch08.reference_adamw_step,
     dict(lr=0.1, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.5)),
])
def test_the_references_take_the_library_steps(name, reference, hyper):
    opt = getattr(optimizers, name)(**hyper)
    params = mine = ch08.PARAMS.copy()
    state = opt.init(params)
    m = v = np.zeros_like(params)
    for t, grads in enumerate(ch08.GRADS, start=1):
        params, state = opt.step(params, grads, state)
        mine, m, v = reference(mine, grads, m, v, t, **hyper)
        np.testing.assert_allclose(mine, params, rtol=1e-12, atol=0)
        np.testing.assert_allclose(m, state.m, rtol=1e-12, atol=0)
